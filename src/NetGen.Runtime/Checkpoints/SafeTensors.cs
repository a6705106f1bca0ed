using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>
/// Saves and loads a network's parameters and layer state as safetensors, the format of Hugging Face: an 8-byte
/// little-endian header length, a JSON header naming each tensor's element type, shape and data offsets, then the raw
/// little-endian data. Tensors carry NetGen's names ("Hidden.Weight", "Norm.RunningMean") and shapes, which are
/// PyTorch's (dense weights [outputs, inputs], convolution weights [filters, channels, rows, columns]), so a PyTorch
/// state dict with the same module names loads too (see <see cref="Load"/> for how names are matched).
/// NaN and ±∞ are refused as <see cref="Checkpoint"/> refuses them.
/// </summary>
public static class SafeTensors
{
    /// <summary>The value of the "format" metadata entry in files written by <see cref="Save"/>.</summary>
    public const string FormatName = "netgen";

    private const string FormatKey = "format";
    private const string NetworkKey = "network";
    private const string LayoutKey = "layout";
    private const string VersionKey = "netgen";

    /// <summary>The most tensor problems, and extra tensors, one mismatch message lists; the rest are counted.</summary>
    private const int MaxListed = 8;

    /// <summary>
    /// Writes <paramref name="network"/>'s parameter tensors, then its state tensors, as F32 safetensors to
    /// <paramref name="path"/> (through a temporary file, so a failed save leaves no half-written file). The metadata
    /// holds "format": "netgen", "network": the network's name, "layout": the hex SHA-256 of its tensor names and shapes,
    /// and "netgen": the runtime's version.
    /// </summary>
    /// <param name="network">The network to save.</param>
    /// <param name="path">The file to write, by convention ending ".safetensors".</param>
    /// <param name="allowNonFinite">Whether to save parameters or state holding NaN or ±∞ (default false: refused).</param>
    /// <exception cref="InvalidOperationException">
    /// A parameter or state value is NaN or ±∞ and <paramref name="allowNonFinite"/> is false; the message names the
    /// tensor and the element. Nothing is written.
    /// </exception>
    /// <exception cref="PlatformNotSupportedException">The machine is big-endian.</exception>
    public static void Save(INetwork network, string path, bool allowNonFinite = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfBigEndian();
        if (!allowNonFinite)
        {
            NonFiniteWeights.ThrowIfAnyToSave(network, path);
        }

        var header = SafeTensorsHeaderWriter.Write(network.ParameterTensors.Cast<NamedTensor>().Concat(network.StateTensors), Metadata(network));
        CheckpointFile.WriteThroughTemporary(path, stream =>
        {
            Span<byte> headerLength = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(headerLength, (ulong)header.Length);
            stream.Write(headerLength);
            stream.Write(header);
            foreach (var tensor in network.ParameterTensors)
            {
                stream.Write(MemoryMarshal.AsBytes(tensor.Slice(network.Parameters)));
            }

            foreach (var tensor in network.StateTensors)
            {
                stream.Write(MemoryMarshal.AsBytes(tensor.Slice(network.State)));
            }
        });
    }

    /// <summary>
    /// Reads a safetensors file into <paramref name="network"/>'s parameters and state, whether <see cref="Save"/> wrote
    /// it or PyTorch did. Each network tensor "Layer.Role" is filled from the file's tensor of the same name; else of
    /// the same name ignoring case ("hidden.weight"); else, for batch normalisation and recurrent layers, of PyTorch's
    /// name ignoring case ("norm.weight", "norm.bias", "norm.running_mean", "norm.running_var" for Gamma, Beta,
    /// RunningMean, RunningVariance; "lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0", "lstm.bias_hh_l0" for
    /// InputWeight, RecurrentWeight, InputBias, RecurrentBias). Tensors must be F32 (F64 is converted) and of the network's shape. PyTorch's
    /// "*.num_batches_tracked" counters are skipped; any other tensor the network has no place for is an error unless
    /// <paramref name="ignoreExtra"/>. Throws, leaving the network unchanged, on any mismatch or damage.
    /// </summary>
    /// <param name="network">The network to load into.</param>
    /// <param name="path">The safetensors file.</param>
    /// <param name="allowNonFinite">Whether to load parameters or state holding NaN or ±∞ (default false: refused).</param>
    /// <param name="ignoreExtra">Whether to skip the file's tensors that fill no network tensor (default false: refused, listing them).</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is an NGW1 checkpoint, is damaged (the message says what and at which bytes), misses a tensor, has one
    /// of another shape or element type, or an extra one; or it holds a non-finite value and
    /// <paramref name="allowNonFinite"/> is false. Mismatch messages list every problem and, when the file was saved
    /// for another layout, say so.
    /// </exception>
    /// <exception cref="PlatformNotSupportedException">The machine is big-endian.</exception>
    public static void Load(INetwork network, string path, bool allowNonFinite = false, bool ignoreExtra = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfBigEndian();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No safetensors file at {path}.", path);
        }

        if (CheckpointFormats.Detect(path) == CheckpointFormat.Ngw1)
        {
            throw new InvalidDataException($"{path} is a NetGen NGW1 checkpoint, not a safetensors file; load it with Checkpoint.Load (or the network's LoadWeights).");
        }

        using var stream = File.OpenRead(path);
        var header = SafeTensorsHeader.Read(stream, path);
        var assignments = Assign(network, header, path, ignoreExtra);
        var parameters = new float[network.Parameters.Length];
        var state = new float[network.State.Length];
        foreach (var (tensor, entry, isState) in assignments)
        {
            ReadData(stream, header.DataStart + entry.Begin, entry, tensor.Slice((isState ? state : parameters).AsSpan()));
        }

        if (!allowNonFinite)
        {
            NonFiniteWeights.ThrowIfAnyLoaded(network, path, parameters, state);
        }

        parameters.CopyTo(network.Parameters);
        state.CopyTo(network.State);
    }

    private static IEnumerable<KeyValuePair<string, string>> Metadata(INetwork network) =>
    [
        new(FormatKey, FormatName),
        new(NetworkKey, network.Name),
        new(LayoutKey, TensorLayout.Hash(network)),
        new(VersionKey, typeof(SafeTensors).Assembly.GetName().Version?.ToString() ?? "unknown"),
    ];

    /// <summary>The file's tensor for each network tensor, all checked before any data is read; throws listing every problem.</summary>
    private static List<Assignment> Assign(INetwork network, SafeTensorsHeader header, string path, bool ignoreExtra)
    {
        var names = new SafeTensorsNames(header.Tensors);
        var problems = new List<string>();
        var assignments = new List<Assignment>();
        var claimedBy = new Dictionary<SafeTensorsEntry, NamedTensor>();
        var tensors = network.ParameterTensors.Select(tensor => (Tensor: (NamedTensor)tensor, IsState: false))
            .Concat(network.StateTensors.Select(tensor => (Tensor: (NamedTensor)tensor, IsState: true)));
        foreach (var (tensor, isState) in tensors)
        {
            if (names.Find(tensor, out var problem) is not { } entry)
            {
                problems.Add(problem);
                continue;
            }

            var fileName = entry.Name == tensor.Name ? "" : $" (the file's {SafeTensorsText.Quote(entry.Name)})";
            if (claimedBy.TryGetValue(entry, out var other))
            {
                problems.Add($"'{other.Name}' and '{tensor.Name}' both match the file's {SafeTensorsText.Quote(entry.Name)}");
            }
            else if (entry.DType is not ("F32" or "F64"))
            {
                problems.Add($"'{tensor.Name}'{fileName} has dtype {SafeTensorsText.Quote(entry.DType)}, which NetGen does not load: save it as F32 (F64 is converted)");
            }
            else if (!TensorShapes.Same(entry.Shape, tensor.Shape))
            {
                problems.Add($"'{tensor.Name}'{fileName} is {TensorShapes.Describe(entry.Shape)} in the file but {TensorShapes.Describe(tensor.Shape)} in the network");
            }
            else
            {
                assignments.Add(new Assignment(tensor, entry, isState));
            }

            claimedBy.TryAdd(entry, tensor);
        }

        if (problems.Count > MaxListed)
        {
            problems[MaxListed] = $"{problems.Count - MaxListed} more such problems";
            problems.RemoveRange(MaxListed + 1, problems.Count - MaxListed - 1);
        }

        var extra = header.Tensors.Where(entry => !claimedBy.ContainsKey(entry) && !SafeTensorsNames.IsIgnoredPyTorchBookkeeping(entry)).ToList();
        if (extra.Count > 0 && !ignoreExtra)
        {
            var listed = string.Join(", ", extra.Take(MaxListed)) + (extra.Count > MaxListed ? $" and {extra.Count - MaxListed} more" : "");
            problems.Add($"the file's {listed} {(extra.Count == 1 ? "fills" : "fill")} no tensor of the network (pass ignoreExtra: true to skip {(extra.Count == 1 ? "it" : "them")})");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path} does not fit {network.Name}: {string.Join("; ", problems)}.{LayoutNote(network, header)} {network.Name} was left unchanged.");
        }

        return assignments;
    }

    /// <summary>" The file was saved for another layout …" when its metadata's layout hash is not the network's; else "".</summary>
    private static string LayoutNote(INetwork network, SafeTensorsHeader header)
    {
        if (!header.Metadata.TryGetValue(LayoutKey, out var layout))
        {
            return "";
        }

        var expected = TensorLayout.Hash(network);
        if (layout == expected)
        {
            return "";
        }

        var savedFrom = header.Metadata.TryGetValue(NetworkKey, out var name) ? $" of network {SafeTensorsText.Quote(name)}" : "";
        return $" The file was saved for another layout{savedFrom}: its layout hash is {SafeTensorsText.Quote(Abbreviate(layout))}, {network.Name}'s is '{Abbreviate(expected)}'.";
    }

    private static string Abbreviate(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    /// <summary>Reads <paramref name="entry"/>'s data, at file position <paramref name="position"/>, straight into <paramref name="destination"/>.</summary>
    private static void ReadData(Stream stream, long position, SafeTensorsEntry entry, Span<float> destination)
    {
        stream.Position = position;
        if (entry.DType == "F32")
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(destination));
            return;
        }

        var doubles = new double[destination.Length];
        stream.ReadExactly(MemoryMarshal.AsBytes(doubles.AsSpan()));
        for (var i = 0; i < doubles.Length; i++)
        {
            destination[i] = (float)doubles[i];
        }
    }

    private static void ThrowIfBigEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("SafeTensors copies little-endian floats straight into the network's buffers, which needs a little-endian machine.");
        }
    }

    private readonly record struct Assignment(NamedTensor Tensor, SafeTensorsEntry Entry, bool IsState);
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NetGen.Internal;

namespace NetGen;

/// <summary>
/// Saves and loads a network's parameters and layer state with every tensor named and shaped, so that a file can only
/// be loaded into a network whose layers match it. Format (little-endian): "NGW1", the network's name, the tensor
/// count, then per tensor its name, rank, dimensions and floats: the parameter tensors, then the state tensors.
/// Weights holding NaN or ±∞ (a diverged training run) are neither saved nor loaded unless asked for with
/// <c>allowNonFinite: true</c>; a damaged file is reported as corrupt, saying what is wrong and at which byte.
/// <see cref="SafeTensors"/> writes the same tensors in the safetensors format, which PyTorch and NumPy read.
/// </summary>
public static class Checkpoint
{
    private static readonly byte[] s_magic = "NGW1"u8.ToArray();

    /// <summary>
    /// Writes <paramref name="network"/>'s parameters and state to <paramref name="path"/> (through a temporary file, so a
    /// failed save leaves no half-written checkpoint).
    /// </summary>
    /// <param name="network">The network to save.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="allowNonFinite">Whether to save parameters or state holding NaN or ±∞ (default false: refused).</param>
    /// <exception cref="InvalidOperationException">
    /// A parameter or state value is NaN or ±∞ and <paramref name="allowNonFinite"/> is false; the message names the
    /// tensor and the element. Nothing is written.
    /// </exception>
    public static void Save(INetwork network, string path, bool allowNonFinite = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!allowNonFinite)
        {
            NonFiniteWeights.ThrowIfAnyToSave(network, path);
        }

        CheckpointFile.WriteThroughTemporary(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(s_magic);
            writer.Write(network.Name);
            writer.Write(network.ParameterTensors.Count + network.StateTensors.Count);
            WriteTensors(writer, network.ParameterTensors, network.Parameters);
            WriteTensors(writer, network.StateTensors, network.State);
        });
    }

    /// <summary>
    /// Reads parameters and state saved by <see cref="Save"/> into <paramref name="network"/>; throws, leaving the network
    /// unchanged, when the file does not match it, is damaged, or (unless <paramref name="allowNonFinite"/>) holds NaN or ±∞.
    /// </summary>
    /// <param name="network">The network to load into.</param>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="allowNonFinite">Whether to load parameters or state holding NaN or ±∞ (default false: refused).</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is of another network or shape, is truncated or corrupt (the message says what is wrong and where, without
    /// the file's bytes), or holds a non-finite value and <paramref name="allowNonFinite"/> is false (the message names the
    /// tensor and the element).
    /// </exception>
    public static void Load(INetwork network, string path, bool allowNonFinite = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No checkpoint at {path}.", path);
        }

        var loaded = new float[network.Parameters.Length];
        var loadedState = new float[network.State.Length];
        var tensorCount = network.ParameterTensors.Count + network.StateTensors.Count;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (!reader.ReadBytes(s_magic.Length).AsSpan().SequenceEqual(s_magic))
            {
                throw Invalid(path, CheckpointFormats.Detect(path) == CheckpointFormat.SafeTensors
                    ? "it is a safetensors file, not an NGW1 checkpoint; load it with SafeTensors.Load"
                    : "it does not start with the NetGen checkpoint marker NGW1");
            }

            var name = CheckpointName.Read(reader, "network name", path);
            var count = reader.ReadInt32();
            if (name != network.Name || count != tensorCount)
            {
                throw Invalid(path, $"it holds {Plural.Of(count, "tensor")} of network '{name}', not the {tensorCount} of '{network.Name}'");
            }

            foreach (var tensor in network.ParameterTensors)
            {
                ReadTensor(reader, tensor, loaded, path);
            }

            foreach (var tensor in network.StateTensors)
            {
                ReadTensor(reader, tensor, loadedState, path);
            }

            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw Invalid(path, $"the file goes on for {Plural.Of(reader.BaseStream.Length - reader.BaseStream.Position, "byte")} after the last tensor");
            }
        }
        catch (EndOfStreamException)
        {
            throw Invalid(path, "the file ends early (truncated)");
        }

        if (!allowNonFinite)
        {
            NonFiniteWeights.ThrowIfAnyLoaded(network, path, loaded, loadedState);
        }

        loaded.CopyTo(network.Parameters);
        loadedState.CopyTo(network.State);
    }

    private static void WriteTensors(BinaryWriter writer, IEnumerable<NamedTensor> tensors, ReadOnlySpan<float> buffer)
    {
        foreach (var tensor in tensors)
        {
            writer.Write(tensor.Name);
            writer.Write(tensor.Shape.Count);
            foreach (var dimension in tensor.Shape)
            {
                writer.Write(dimension);
            }

            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.Slice(buffer)));
        }
    }

    private static void ReadTensor(BinaryReader reader, NamedTensor tensor, float[] destination, string path)
    {
        var position = reader.BaseStream.Position;
        var name = CheckpointName.Read(reader, "tensor name", path);
        var rank = reader.ReadInt32();
        if (rank is < 1 or > 8)
        {
            throw CheckpointName.Corrupt(path, $"tensor '{name}' at byte {position} has rank {rank}; ranks are 1 to 8");
        }

        var shape = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            shape[i] = reader.ReadInt32();
        }

        if (name != tensor.Name || !TensorShapes.Same(shape, tensor.Shape))
        {
            throw Invalid(path, $"found tensor '{name}' {TensorShapes.Describe(shape)} where the network has '{tensor.Name}' {TensorShapes.Describe(tensor.Shape)}");
        }

        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(destination.AsSpan(tensor.Offset, tensor.Length)));
    }

    private static InvalidDataException Invalid(string path, string problem) =>
        new($"{path} is not a checkpoint of this network: {problem}.");
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NetGen;

/// <summary>
/// Saves and loads a network's parameters and layer state with every tensor named and shaped, so that a file can only
/// be loaded into a network whose layers match it. Format (little-endian): "NGW1", the network's name, the tensor
/// count, then per tensor its name, rank, dimensions and floats: the parameter tensors, then the state tensors.
/// </summary>
public static class Checkpoint
{
    private static readonly byte[] s_magic = "NGW1"u8.ToArray();

    /// <summary>Writes <paramref name="network"/>'s parameters and state to <paramref name="path"/> (through a temporary file, so a failed save leaves no half-written checkpoint).</summary>
    public static void Save(INetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(s_magic);
            writer.Write(network.Name);
            writer.Write(network.ParameterTensors.Count + network.StateTensors.Count);
            WriteTensors(writer, network.ParameterTensors, network.Parameters);
            WriteTensors(writer, network.StateTensors, network.State);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads parameters and state saved by <see cref="Save"/> into <paramref name="network"/>; throws, leaving the network unchanged, when the file does not match it.</summary>
    public static void Load(INetwork network, string path)
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
                throw Invalid(path, "it does not start with the NetGen checkpoint marker NGW1");
            }

            var name = reader.ReadString();
            var count = reader.ReadInt32();
            if (name != network.Name || count != tensorCount)
            {
                throw Invalid(path, $"it holds {count} tensors of network '{name}', not the {tensorCount} of '{network.Name}'");
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
                throw Invalid(path, $"{reader.BaseStream.Length - reader.BaseStream.Position} bytes follow the last tensor");
            }
        }
        catch (EndOfStreamException)
        {
            throw Invalid(path, "the file ends early (truncated)");
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
        var name = reader.ReadString();
        var rank = reader.ReadInt32();
        if (rank is < 1 or > 8)
        {
            throw Invalid(path, $"tensor '{name}' has rank {rank}");
        }

        var shape = new List<int>();
        for (var i = 0; i < rank; i++)
        {
            shape.Add(reader.ReadInt32());
        }

        if (name != tensor.Name || !SameShape(shape, tensor.Shape))
        {
            throw Invalid(path, $"found tensor '{name}' [{string.Join(", ", shape)}] where the network has '{tensor.Name}' [{string.Join(", ", tensor.Shape)}]");
        }

        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(destination.AsSpan(tensor.Offset, tensor.Length)));
    }

    private static bool SameShape(List<int> shape, IReadOnlyList<int> expected)
    {
        if (shape.Count != expected.Count)
        {
            return false;
        }

        for (var i = 0; i < shape.Count; i++)
        {
            if (shape[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    private static InvalidDataException Invalid(string path, string problem) =>
        new($"{path} is not a checkpoint of this network: {problem}.");
}

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetGen.Tests.Checkpoints;

/// <summary>Safetensors files as a test needs them: a network's tensors under other names, shapes or types, or bytes damaged on purpose.</summary>
internal static class SafeTensorsFiles
{
    /// <summary>A tensor to write: its name in the file, dtype, shape and raw little-endian bytes.</summary>
    public sealed record Tensor(string Name, string DType, long[] Shape, byte[] Data)
    {
        public static Tensor F32(string name, long[] shape, float[] values) =>
            new(name, "F32", shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
    }

    /// <summary>Every tensor of <paramref name="network"/>, as F32 under its NetGen name, renamed by <paramref name="rename"/> when given.</summary>
    public static List<Tensor> TensorsOf(INetwork network, Func<string, string>? rename = null) =>
        network.ParameterTensors.Select(tensor => Of(tensor, network.Parameters.ToArray(), rename))
            .Concat(network.StateTensors.Select(tensor => Of(tensor, network.State.ToArray(), rename)))
            .ToList();

    /// <summary>Writes <paramref name="tensors"/> one after another, with <paramref name="metadata"/> when given.</summary>
    public static void Write(string path, IEnumerable<Tensor> tensors, IDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is not null)
        {
            header["__metadata__"] = new JsonObject(metadata.Select(item => KeyValuePair.Create(item.Key, (JsonNode?)item.Value)));
        }

        var data = new MemoryStream();
        foreach (var tensor in tensors)
        {
            header[tensor.Name] = new JsonObject
            {
                ["dtype"] = tensor.DType,
                ["shape"] = new JsonArray(tensor.Shape.Select(dimension => (JsonNode?)dimension).ToArray()),
                ["data_offsets"] = new JsonArray(data.Length, data.Length + tensor.Data.Length),
            };
            data.Write(tensor.Data);
        }

        WriteRaw(path, header.ToJsonString(), data.ToArray());
    }

    /// <summary>Writes <paramref name="headerJson"/> as the header (its true length first) and <paramref name="data"/> after it.</summary>
    public static void WriteRaw(string path, string headerJson, byte[] data)
    {
        var header = Encoding.UTF8.GetBytes(headerJson);
        var bytes = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + header.Length);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The header of a safetensors file, parsed, and the file position where its data starts.</summary>
    public static (JsonElement Header, long DataStart) ReadHeader(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var length = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var document = JsonDocument.Parse(bytes.AsMemory(8, (int)length));
        return (document.RootElement.Clone(), 8 + length);
    }

    private static Tensor Of(NamedTensor tensor, float[] buffer, Func<string, string>? rename) =>
        Tensor.F32(rename is null ? tensor.Name : rename(tensor.Name), tensor.Shape.Select(dimension => (long)dimension).ToArray(),
            tensor.Slice(buffer.AsSpan()).ToArray());
}

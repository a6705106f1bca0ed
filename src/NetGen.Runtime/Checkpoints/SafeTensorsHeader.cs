using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Internal;

namespace NetGen;

/// <summary>
/// A safetensors file's header, read and checked: the 8-byte little-endian header length, the JSON object naming each
/// tensor's element type, shape and data offsets, and its string metadata. Every offset is checked against the file, so
/// that reading a listed tensor cannot run past the end or into another tensor.
/// </summary>
internal sealed class SafeTensorsHeader
{
    /// <summary>The key of the metadata object, the one key of the header that is not a tensor.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>The longest header read, as Hugging Face's own reader bounds it (100 MB), so a damaged length cannot exhaust memory.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private SafeTensorsHeader(IReadOnlyList<SafeTensorsEntry> tensors, IReadOnlyDictionary<string, string> metadata, long dataStart)
    {
        Tensors = tensors;
        Metadata = metadata;
        DataStart = dataStart;
    }

    /// <summary>The tensors, in the header's order.</summary>
    public IReadOnlyList<SafeTensorsEntry> Tensors { get; }

    /// <summary>The "__metadata__" strings; empty when the header has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The file position of the data's first byte, which the tensors' offsets count from.</summary>
    public long DataStart { get; }

    /// <summary>Reads the header of <paramref name="stream"/> (a whole file, from its start), named <paramref name="path"/> in messages.</summary>
    /// <exception cref="InvalidDataException">The length, the JSON or an entry is damaged or out of the file's bounds.</exception>
    public static SafeTensorsHeader Read(Stream stream, string path)
    {
        var fileLength = stream.Length;
        if (fileLength < 8)
        {
            throw Corrupt(path, $"it is {Plural.Of(fileLength, "byte")} long, too short for the 8-byte header length");
        }

        Span<byte> lengthBytes = stackalloc byte[8];
        stream.Position = 0;
        stream.ReadExactly(lengthBytes);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > (ulong)(fileLength - 8))
        {
            throw Corrupt(path, $"the header length (bytes 0 to 7) is {headerLength}, but only {Plural.Of(fileLength - 8, "byte")} follow it");
        }

        if (headerLength > MaxHeaderBytes)
        {
            throw Corrupt(path, $"the header length (bytes 0 to 7) is {headerLength}, beyond the {MaxHeaderBytes} bytes safetensors allows");
        }

        var header = new byte[(int)headerLength];
        stream.ReadExactly(header);
        var dataStart = 8 + (long)headerLength;
        using var document = Parse(header, path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Corrupt(path, $"the header (bytes 8 to {dataStart - 1}) is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        var tensors = new List<SafeTensorsEntry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                throw Corrupt(path, $"the header lists {SafeTensorsText.Quote(property.Name)} twice");
            }

            if (property.Name == MetadataKey)
            {
                ReadMetadata(property.Value, metadata, path);
            }
            else
            {
                tensors.Add(ReadEntry(property.Name, property.Value, fileLength - dataStart, path));
            }
        }

        ThrowIfAnyOverlap(tensors, dataStart, path);
        return new SafeTensorsHeader(tensors, metadata, dataStart);
    }

    /// <summary>The file's damage, saying what and where, never echoing raw bytes.</summary>
    public static InvalidDataException Corrupt(string path, string problem) =>
        new($"{path} is corrupt: {problem}. The file is damaged or not a safetensors file.");

    private static JsonDocument Parse(byte[] header, string path)
    {
        try
        {
            return JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException error)
        {
            // The exception's own message quotes the offending character, which may be any byte; only its position is kept.
            var where = error.LineNumber == 0
                ? $"at byte {8 + error.BytePositionInLine}"
                : $"at line {error.LineNumber + 1}, byte {error.BytePositionInLine} of the line";
            throw Corrupt(path, $"the JSON header (bytes 8 to {7 + header.Length}) is malformed {where}");
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Corrupt(path, $"{MetadataKey} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not an object of strings");
        }

        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw Corrupt(path, $"{MetadataKey} entry {SafeTensorsText.Quote(item.Name)} is not a string");
            }

            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static SafeTensorsEntry ReadEntry(string name, JsonElement value, long dataLength, string path)
    {
        var quoted = SafeTensorsText.Quote(name);
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Corrupt(path, $"tensor {quoted} is described by a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        if (!value.TryGetProperty("dtype", out var dtypeValue) || dtypeValue.ValueKind != JsonValueKind.String)
        {
            throw Corrupt(path, $"tensor {quoted} has no \"dtype\" string");
        }

        var dtype = dtypeValue.GetString()!;
        var shape = ReadIntegers(value, "shape", quoted, path);
        var offsets = ReadIntegers(value, "data_offsets", quoted, path);
        if (offsets.Length != 2)
        {
            throw Corrupt(path, $"tensor {quoted} has {Plural.Of(offsets.Length, "data offset")}, not 2 (begin and end)");
        }

        var (begin, end) = (offsets[0], offsets[1]);
        if (begin > end || end > dataLength)
        {
            throw Corrupt(path, $"tensor {quoted} has data_offsets [{begin}, {end}], outside the {Plural.Of(dataLength, "byte")} of data after the header");
        }

        var entry = new SafeTensorsEntry(name, dtype, shape, begin, end);
        if (SafeTensorsEntry.ElementBytes(dtype) is { } elementBytes && ExpectedBytes(shape, elementBytes) != entry.ByteLength)
        {
            throw Corrupt(path, $"tensor {entry} has data_offsets [{begin}, {end}], {Plural.Of(entry.ByteLength, "byte")}, where its shape needs {ExpectedBytesText(shape, elementBytes)}");
        }

        return entry;
    }

    private static long[] ReadIntegers(JsonElement value, string property, string quotedTensor, string path)
    {
        if (!value.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Corrupt(path, $"tensor {quotedTensor} has no \"{property}\" array");
        }

        var integers = new long[array.GetArrayLength()];
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var integer) || integer < 0)
            {
                throw Corrupt(path, $"tensor {quotedTensor} has a \"{property}\" item {index} that is not a non-negative integer");
            }

            integers[index++] = integer;
        }

        return integers;
    }

    /// <summary>The bytes of <paramref name="shape"/>'s elements, or -1 when they overflow 64 bits (which no file can hold).</summary>
    private static long ExpectedBytes(IReadOnlyList<long> shape, int elementBytes)
    {
        try
        {
            return shape.Aggregate((long)elementBytes, (product, dimension) => checked(product * dimension));
        }
        catch (OverflowException)
        {
            return -1;
        }
    }

    private static string ExpectedBytesText(IReadOnlyList<long> shape, int elementBytes) =>
        ExpectedBytes(shape, elementBytes) is var bytes and >= 0 ? Plural.Of(bytes, "byte") : "more bytes than a file can hold";

    private static void ThrowIfAnyOverlap(List<SafeTensorsEntry> tensors, long dataStart, string path)
    {
        SafeTensorsEntry? previous = null;
        foreach (var tensor in tensors.Where(tensor => tensor.ByteLength > 0).OrderBy(tensor => tensor.Begin))
        {
            if (previous is not null && tensor.Begin < previous.End)
            {
                throw Corrupt(path, $"the data of tensors {SafeTensorsText.Quote(previous.Name)} (bytes {dataStart + previous.Begin} to {dataStart + previous.End - 1}) " +
                    $"and {SafeTensorsText.Quote(tensor.Name)} (bytes {dataStart + tensor.Begin} to {dataStart + tensor.End - 1}) overlap");
            }

            previous = tensor;
        }
    }
}

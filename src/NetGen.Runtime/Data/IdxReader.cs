using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using NetGen.Internal;
using static NetGen.Data.DataFileErrors;

namespace NetGen.Data;

/// <summary>
/// Reads IDX files (the format of MNIST, http://yann.lecun.com/exdb/mnist/): two zero bytes, a type byte,
/// a dimension count, that many big-endian int32 dimensions, then the elements. Plain and gzip-compressed
/// files are both accepted; gzip is recognised by its magic bytes, whatever the file is called.
/// </summary>
public static class IdxReader
{
    private const int MagicLength = 4;
    private const int DimensionLength = sizeof(int);
    private const byte SupportedType = (byte)IdxElementType.UnsignedByte;

    /// <summary>Reads the unsigned-byte IDX file at <paramref name="path"/>, checking that it holds exactly what its header declares.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not an IDX file, is not of unsigned bytes, declares impossible dimensions, is truncated,
    /// has trailing bytes, or is corrupt gzip. The message names the file, what was expected and what was found.
    /// </exception>
    public static IdxData Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        using var file = OpenForReading(fullPath);
        var isGzip = StartsWithGzipMagic(file);
        if (!isGzip)
        {
            return ReadContent(fullPath, file, file.Length, "the file");
        }

        using var decompressed = new GZipStream(file, CompressionMode.Decompress);
        return ReadContent(fullPath, decompressed, knownLength: null, "the decompressed file");
    }

    private static FileStream OpenForReading(string fullPath)
    {
        try
        {
            // Unbuffered: the elements are read straight into their array in one call.
            return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Missing(fullPath, "file not found", e);
        }
    }

    private static bool StartsWithGzipMagic(FileStream file)
    {
        Span<byte> start = stackalloc byte[2];
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && start[0] == 0x1f && start[1] == 0x8b;
    }

    // knownLength: the file's length when known up front (plain files), so a wrong size is reported before
    // allocating for what a bad header claims. whatHoldsIt: "the file" or "the decompressed file", for messages.
    private static IdxData ReadContent(string path, Stream content, long? knownLength, string whatHoldsIt)
    {
        Span<byte> magic = stackalloc byte[MagicLength];
        var magicRead = ReadFully(path, content, magic);
        if (magicRead < magic.Length)
        {
            throw Problem(path, $"expected an IDX header of at least {MagicLength} bytes but {whatHoldsIt} holds {magicRead} — the file is truncated or empty");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw Problem(path, $"expected an IDX magic number starting with 00 00 but found {magic[0]:x2} {magic[1]:x2} — this is not an IDX file");
        }

        if (magic[2] != SupportedType)
        {
            throw Problem(path, $"expected element type {IdxElementTypeText.Describe(SupportedType)} but found {IdxElementTypeText.Describe(magic[2])}; only unsigned-byte IDX files can be read");
        }

        var rank = magic[3];
        if (rank == 0)
        {
            throw Problem(path, $"expected at least one dimension but the header declares 0");
        }

        var headerLength = MagicLength + (rank * DimensionLength);
        Span<byte> dimensionBytes = stackalloc byte[rank * DimensionLength];
        var dimensionsRead = ReadFully(path, content, dimensionBytes);
        if (dimensionsRead < dimensionBytes.Length)
        {
            throw Problem(path, $"expected a {headerLength}-byte header for {rank} dimensions but {whatHoldsIt} holds {Plural.Of(MagicLength + dimensionsRead, "byte")} — the file is truncated");
        }

        var dimensions = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(dimensionBytes[(i * DimensionLength)..]);
        }

        var shape = IdxData.FormatShape(dimensions);
        var elementCount = CountElements(path, dimensions, shape);
        var expectedLength = headerLength + elementCount;
        if (knownLength is { } length && length != expectedLength)
        {
            throw WrongLength(path, expectedLength, shape, length, whatHoldsIt);
        }

        var data = new byte[elementCount];
        var dataRead = ReadFully(path, content, data);
        if (dataRead < data.Length)
        {
            throw WrongLength(path, expectedLength, shape, headerLength + dataRead, whatHoldsIt);
        }

        var trailing = CountRemainingBytes(path, content);
        if (trailing > 0)
        {
            throw WrongLength(path, expectedLength, shape, expectedLength + trailing, whatHoldsIt);
        }

        return new IdxData(path, dimensions, data);
    }

    private static long CountElements(string path, int[] dimensions, string shape)
    {
        long count = 1;
        for (var i = 0; i < dimensions.Length; i++)
        {
            if (dimensions[i] <= 0)
            {
                throw Problem(path, $"expected positive dimensions but dimension {i} of {shape} is {dimensions[i]}");
            }

            // Stays in range: count ≤ Array.MaxLength < 2^31 before this multiply, and a dimension is < 2^31.
            count *= dimensions[i];
            if (count > Array.MaxLength)
            {
                throw Problem(path, $"expected dimensions whose product fits in one array (at most {Array.MaxLength:N0} elements) but {shape} does not");
            }
        }

        return count;
    }

    private static long CountRemainingBytes(string path, Stream content)
    {
        Span<byte> sink = stackalloc byte[4096];
        long total = 0;
        int read;
        while ((read = ReadFully(path, content, sink)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>Fills <paramref name="buffer"/> unless the stream ends first; returns how many bytes it read.</summary>
    private static int ReadFully(string path, Stream content, Span<byte> buffer)
    {
        try
        {
            return content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            // Only GZipStream throws this here: a plain FileStream has no format to be invalid.
            throw Problem(path, $"the file starts like gzip (1f 8b) but its compressed data is corrupt: {e.Message}", e);
        }
    }

    private static InvalidDataException WrongLength(string path, long expected, string shape, long actual, string whatHoldsIt)
    {
        var extra = actual - expected;
        var verdict = extra < 0
            ? "the file is truncated"
            : string.Create(CultureInfo.InvariantCulture, $"the file has {extra:N0} trailing {(extra == 1 ? "byte" : "bytes")}");
        return Problem(path, $"expected {expected:N0} bytes for {shape} unsigned bytes but {whatHoldsIt} holds {actual:N0} — {verdict}");
    }
}

using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace NetGen.Tests.Data;

/// <summary>Builds IDX file contents for tests.</summary>
internal static class IdxBytes
{
    public const byte UnsignedByte = 0x08;

    /// <summary>An unsigned-byte IDX file of the given dimensions holding <paramref name="data"/>.</summary>
    public static byte[] Create(int[] dimensions, byte[] data) => Create(UnsignedByte, dimensions, data);

    /// <summary>An IDX file with any type byte; the data is written as given, whatever the dimensions say.</summary>
    public static byte[] Create(byte typeByte, int[] dimensions, byte[] data)
    {
        var bytes = new byte[4 + (4 * dimensions.Length) + data.Length];
        bytes[2] = typeByte;
        bytes[3] = checked((byte)dimensions.Length);
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        data.CopyTo(bytes, 4 + (4 * dimensions.Length));
        return bytes;
    }

    /// <summary>Bytes 0, 1, 2, … wrapping at 256.</summary>
    public static byte[] Counting(int length)
    {
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = (byte)i;
        }

        return data;
    }

    public static byte[] Gzip(byte[] contents)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(contents);
        }

        return compressed.ToArray();
    }
}

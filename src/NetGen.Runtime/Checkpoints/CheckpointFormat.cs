using System;
using System.Buffers.Binary;
using System.IO;

namespace NetGen;

/// <summary>The checkpoint formats NetGen reads, told apart by their first bytes, so that each loader can name the other.</summary>
internal enum CheckpointFormat
{
    /// <summary>Neither format.</summary>
    Unknown,

    /// <summary>NetGen's own format, starting "NGW1" (<see cref="Checkpoint"/>).</summary>
    Ngw1,

    /// <summary>Hugging Face's safetensors: a little-endian header length, then a JSON object (<see cref="SafeTensors"/>).</summary>
    SafeTensors,
}

/// <summary>Recognises a checkpoint file's format.</summary>
internal static class CheckpointFormats
{
    /// <summary>The format <paramref name="path"/>'s first bytes announce.</summary>
    public static CheckpointFormat Detect(string path)
    {
        Span<byte> start = stackalloc byte[9];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (read >= 4 && start[..4].SequenceEqual("NGW1"u8))
        {
            return CheckpointFormat.Ngw1;
        }

        if (read < start.Length)
        {
            return CheckpointFormat.Unknown;
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(start);
        return start[8] == (byte)'{' && headerLength >= 2 && headerLength <= (ulong)(stream.Length - 8)
            ? CheckpointFormat.SafeTensors
            : CheckpointFormat.Unknown;
    }
}

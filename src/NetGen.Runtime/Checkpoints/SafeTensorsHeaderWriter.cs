using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace NetGen;

/// <summary>Writes the header of a safetensors file whose tensors are all F32 and lie one after another in the given order.</summary>
internal static class SafeTensorsHeaderWriter
{
    /// <summary>
    /// The JSON header for <paramref name="tensors"/> (their data in this order, from offset 0) and
    /// <paramref name="metadata"/>, padded with spaces to a multiple of 8 bytes so that the data after it stays aligned.
    /// </summary>
    public static byte[] Write(IEnumerable<NamedTensor> tensors, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(SafeTensorsHeader.MetadataKey);
            foreach (var (key, value) in metadata)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            long offset = 0;
            foreach (var tensor in tensors)
            {
                var end = offset + (long)tensor.Length * sizeof(float);
                writer.WriteStartObject(tensor.Name);
                writer.WriteString("dtype", "F32");
                writer.WriteStartArray("shape");
                foreach (var dimension in tensor.Shape)
                {
                    writer.WriteNumberValue(dimension);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(end);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset = end;
            }

            writer.WriteEndObject();
        }

        var padded = new byte[(buffer.WrittenCount + 7) / 8 * 8];
        buffer.WrittenSpan.CopyTo(padded);
        padded.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return padded;
    }
}

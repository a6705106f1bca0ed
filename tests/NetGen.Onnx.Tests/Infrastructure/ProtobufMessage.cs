using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NetGen.Onnx.Tests.Infrastructure;

/// <summary>A protobuf message read back field by field, independently of the writer under test.</summary>
internal sealed class ProtobufMessage
{
    private readonly List<(int Field, ulong Varint, byte[]? Bytes)> _fields = [];

    public ProtobufMessage(ReadOnlySpan<byte> data)
    {
        var position = 0;
        while (position < data.Length)
        {
            var tag = ReadVarint(data, ref position);
            var field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    _fields.Add((field, ReadVarint(data, ref position), null));
                    break;
                case 2:
                    var length = (int)ReadVarint(data, ref position);
                    _fields.Add((field, 0, data.Slice(position, length).ToArray()));
                    position += length;
                    break;
                case 5:
                    _fields.Add((field, BitConverter.ToUInt32(data.Slice(position, 4)), null));
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Unexpected wire type {tag & 7} for field {field}.");
            }
        }
    }

    public long Int(int field) => (long)_fields.Single(entry => entry.Field == field).Varint;

    public float Float(int field) => BitConverter.UInt32BitsToSingle((uint)_fields.Single(entry => entry.Field == field).Varint);

    public bool Has(int field) => _fields.Any(entry => entry.Field == field);

    public byte[] Bytes(int field) => _fields.Single(entry => entry.Field == field).Bytes!;

    public string String(int field) => Encoding.UTF8.GetString(Bytes(field));

    public IEnumerable<string> Strings(int field) => _fields.Where(entry => entry.Field == field).Select(entry => Encoding.UTF8.GetString(entry.Bytes!));

    public ProtobufMessage Message(int field) => new(Bytes(field));

    public IEnumerable<ProtobufMessage> Messages(int field) => _fields.Where(entry => entry.Field == field).Select(entry => new ProtobufMessage(entry.Bytes!));

    /// <summary>A packed repeated varint field.</summary>
    public long[] PackedInts(int field)
    {
        var data = Bytes(field);
        var values = new List<long>();
        var position = 0;
        while (position < data.Length)
        {
            values.Add((long)ReadVarint(data, ref position));
        }

        return values.ToArray();
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var next = data[position++];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }
    }
}

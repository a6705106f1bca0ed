using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace NetGen.Onnx;

/// <summary>
/// The little of the protobuf wire format an ONNX model needs: varints, 32-bit floats, length-delimited strings, bytes
/// and nested messages, and packed repeated integers.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int VarintWireType = 0;
    private const int LengthDelimitedWireType = 2;
    private const int Fixed32WireType = 5;

    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>The message written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>The bytes written so far, as memory (for writers that cannot hold a span).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    /// <summary>An int32, int64 or enum field (negative values take ten bytes, as protobuf encodes them).</summary>
    public void Int64(int field, long value)
    {
        Tag(field, VarintWireType);
        Varint((ulong)value);
    }

    public void Float(int field, float value)
    {
        Tag(field, Fixed32WireType);
        BinaryPrimitives.WriteSingleLittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimitedWireType);
        Varint((ulong)value.Length);
        _buffer.Write(value);
    }

    /// <summary>A repeated int64 field, packed: one length-delimited run of varints.</summary>
    public void PackedInt64(int field, ReadOnlySpan<long> values)
    {
        var packed = new ProtobufWriter();
        foreach (var value in values)
        {
            packed.Varint((ulong)value);
        }

        Bytes(field, packed.WrittenSpan);
    }

    /// <summary>A nested message, written by <paramref name="body"/>.</summary>
    public void Message(int field, Action<ProtobufWriter> body)
    {
        var nested = new ProtobufWriter();
        body(nested);
        Bytes(field, nested.WrittenSpan);
    }

    private void Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

    private void Varint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        _buffer.Advance(length);
    }
}

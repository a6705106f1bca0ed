namespace NetGen.Onnx.Tests;

/// <summary>The protobuf writer's bytes, against encodings worked out by hand from the wire format's specification.</summary>
public sealed class ProtobufWriterTests
{
    [Fact]
    public void VarintsTakeSevenBitsABytePlusAContinuationBit()
    {
        var writer = new ProtobufWriter();
        writer.Int64(1, 150);
        writer.Int64(2, 0);
        Assert.Equal(new byte[] { 0x08, 0x96, 0x01, 0x10, 0x00 }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void NegativeIntegersTakeTenBytes()
    {
        var writer = new ProtobufWriter();
        writer.Int64(3, -1);
        Assert.Equal(new byte[] { 0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void FloatsAreFixed32LittleEndian()
    {
        var writer = new ProtobufWriter();
        writer.Float(2, 1f);
        Assert.Equal(new byte[] { 0x15, 0x00, 0x00, 0x80, 0x3F }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void StringsPackedIntsAndMessagesAreLengthDelimited()
    {
        var writer = new ProtobufWriter();
        writer.String(1, "ab");
        writer.PackedInt64(8, [3, 270]);
        writer.Message(7, nested => nested.Int64(1, 1));
        Assert.Equal(
            new byte[] { 0x0A, 0x02, (byte)'a', (byte)'b', 0x42, 0x03, 0x03, 0x8E, 0x02, 0x3A, 0x02, 0x08, 0x01 },
            writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void FieldNumbersAboveFifteenTakeTwoTagBytes()
    {
        var writer = new ProtobufWriter();
        writer.Int64(20, 7);
        Assert.Equal(new byte[] { 0xA0, 0x01, 0x07 }, writer.WrittenSpan.ToArray());
    }
}

namespace NetGen.Data;

/// <summary>The element types the IDX format defines (the third byte of the magic number).</summary>
internal enum IdxElementType : byte
{
    /// <summary>Unsigned 8-bit integers; MNIST's images and labels.</summary>
    UnsignedByte = 0x08,

    /// <summary>Signed 8-bit integers.</summary>
    SignedByte = 0x09,

    /// <summary>Big-endian signed 16-bit integers.</summary>
    Int16 = 0x0B,

    /// <summary>Big-endian signed 32-bit integers.</summary>
    Int32 = 0x0C,

    /// <summary>Big-endian 32-bit floats.</summary>
    Float32 = 0x0D,

    /// <summary>Big-endian 64-bit floats.</summary>
    Float64 = 0x0E,
}

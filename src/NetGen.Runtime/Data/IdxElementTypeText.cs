namespace NetGen.Data;

/// <summary>Names IDX type bytes for error messages.</summary>
internal static class IdxElementTypeText
{
    /// <summary>"0x08 (unsigned byte)", or "0x42 (not an IDX type)" for a byte the format does not define.</summary>
    public static string Describe(byte typeByte)
    {
        var name = (IdxElementType)typeByte switch
        {
            IdxElementType.UnsignedByte => "unsigned byte",
            IdxElementType.SignedByte => "signed byte",
            IdxElementType.Int16 => "16-bit integer",
            IdxElementType.Int32 => "32-bit integer",
            IdxElementType.Float32 => "32-bit float",
            IdxElementType.Float64 => "64-bit float",
            _ => "not an IDX type",
        };
        return $"0x{typeByte:X2} ({name})";
    }
}

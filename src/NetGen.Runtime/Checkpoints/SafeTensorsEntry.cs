using System.Collections.Generic;

namespace NetGen;

/// <summary>
/// One tensor listed in a safetensors header: its name, element type ("F32"), shape, and where its bytes lie, relative
/// to the start of the data (the byte after the header).
/// </summary>
internal sealed record SafeTensorsEntry(string Name, string DType, IReadOnlyList<long> Shape, long Begin, long End)
{
    /// <summary>The bytes of one element of each element type the format defines, by its name in the header.</summary>
    private static readonly Dictionary<string, int> s_elementBytes = new()
    {
        ["F64"] = 8, ["F32"] = 4, ["F16"] = 2, ["BF16"] = 2, ["F8_E4M3"] = 1, ["F8_E5M2"] = 1,
        ["I64"] = 8, ["I32"] = 4, ["I16"] = 2, ["I8"] = 1, ["U64"] = 8, ["U32"] = 4, ["U16"] = 2, ["U8"] = 1, ["BOOL"] = 1,
    };

    /// <summary>The size of one element of <paramref name="dtype"/> in bytes, or null for a type the format does not define.</summary>
    public static int? ElementBytes(string dtype) => s_elementBytes.TryGetValue(dtype, out var bytes) ? bytes : null;

    /// <summary>The bytes the tensor's data takes.</summary>
    public long ByteLength => End - Begin;

    /// <summary>"'Hidden.Weight' F32 [4, 2]", the name made printable.</summary>
    public override string ToString() => $"{SafeTensorsText.Quote(Name)} {DType} {TensorShapes.Describe(Shape)}";
}

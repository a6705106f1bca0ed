using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>C# literals and names used by the emitters.</summary>
internal static class Literals
{
    /// <summary>A name as C# source: keywords get an @.</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// A layer's class in <c>Layers</c>. The compiler warns about a type named in lowercase ASCII letters ("hidden": CS8981)
    /// and refuses some contextual keywords as type names ("file", "record", "required", "scoped"), but neither when the name
    /// is written with '@'; users still write <c>Layers.hidden</c>.
    /// </summary>
    public static string LayerClass(string layerName) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetContextualKeywordKind(layerName) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ||
        System.Linq.Enumerable.All(layerName, character => character is >= 'a' and <= 'z')
            ? "@" + layerName
            : Identifier(layerName);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Float(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";

    public static string String(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    /// <summary>Integers as a comma-separated argument list.</summary>
    public static string Ints(params int[] values) => string.Join(", ", values.Select(Int));

    public static string Shape(EquatableArray<int> shape) => string.Join(", ", shape.Select(Int));

    /// <summary>The first <paramref name="count"/> floats of an array field, as a span.</summary>
    public static string Prefix(string field, string count) => "new global::System.Span<float>(" + field + ", 0, " + count + ")";
}

using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Parsing;

/// <summary>Which names a layer may take: each becomes a nested class beside the generated members.</summary>
internal static class LayerNames
{
    private static readonly string[] s_reserved =
        new[] { "Layers", "InputSize", "OutputSize", "ParameterCount", "BufferBytesPerSample" }.Concat(Model.TensorRoles.All).ToArray();

    /// <summary>Why <paramref name="name"/> cannot name a layer, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            return "is not a C# identifier";
        }

        return System.Array.IndexOf(s_reserved, name) >= 0 ? "is reserved for a generated member" : null;
    }
}

using System;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>The namespace and partial containing types a generated class is written inside.</summary>
internal static class EnclosingDeclarations
{
    /// <summary>Opens <paramref name="namespaceName"/> and <paramref name="containingTypes"/>, lets <paramref name="writeClass"/> write the class, then closes them.</summary>
    public static void Write(IndentedWriter writer, string? namespaceName, EquatableArray<ContainingType> containingTypes, Action writeClass)
    {
        if (namespaceName is not null)
        {
            writer.Open("namespace " + namespaceName);
        }

        foreach (var containing in containingTypes)
        {
            writer.Open("partial " + containing.Keyword + " " + Literals.Identifier(containing.Name));
        }

        writeClass();

        foreach (var _ in containingTypes)
        {
            writer.Close();
        }

        if (namespaceName is not null)
        {
            writer.Close();
        }
    }
}

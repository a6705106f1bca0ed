using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>One layer attribute applied to a network class: what it binds to and where it is written.</summary>
internal sealed class LayerAttribute(AttributeData data, AttributeSyntax syntax)
{
    public AttributeData Data { get; } = data;

    public AttributeSyntax Syntax { get; } = syntax;

    public bool Is(string attributeName) => LayerAttributes.IsNetGen(Data.AttributeClass, attributeName);
}

/// <summary>Reads a network's layer attributes in the order the generator stacks them: by file path, then by position.</summary>
internal static class LayerAttributes
{
    private const string AttributeNamespace = "NetGen";
    private const string LayerAttributeBase = "LayerAttribute";

    public static IReadOnlyList<LayerAttribute> InStackOrder(INamedTypeSymbol network, CancellationToken cancellationToken) =>
        network.GetAttributes()
            .Where(attribute => IsLayer(attribute.AttributeClass))
            .Select(attribute => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax
                ? new LayerAttribute(attribute, syntax)
                : null)
            .OfType<LayerAttribute>()
            .OrderBy(layer => layer.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(layer => layer.Syntax.SpanStart)
            .ToList();

    public static bool IsNetGen(INamedTypeSymbol? attributeClass, string name) =>
        attributeClass is { ContainingNamespace: { Name: AttributeNamespace, ContainingNamespace.IsGlobalNamespace: true } } &&
        attributeClass.Name == name;

    private static bool IsLayer(INamedTypeSymbol? attributeClass)
    {
        for (var type = attributeClass; type is not null; type = type.BaseType)
        {
            if (IsNetGen(type, LayerAttributeBase))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Layers;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Reads the layer attributes of a network class, top to bottom, each through its kind's descriptor.</summary>
internal static class LayerAttributeReader
{
    public static (EquatableArray<LayerModel> Layers, bool HasCompilerErrors) Read(
        INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var layers = new List<LayerModel>();
        var hasCompilerErrors = false;
        var countsByKind = new Dictionary<LayerKind, int>();

        foreach (var (attribute, syntax) in LayerAttributesInSourceOrder(type, cancellationToken))
        {
            var descriptor = DescriptorOf(attribute.AttributeClass);
            if (descriptor is null)
            {
                continue;
            }

            if (attribute.AttributeConstructor is null || syntax is null ||
                attribute.ConstructorArguments.Any(argument => argument.Kind == TypedConstantKind.Error))
            {
                // The compiler reports the malformed attribute itself; the network is not emitted.
                hasCompilerErrors = true;
                continue;
            }

            var kind = descriptor.Kind;
            countsByKind[kind] = countsByKind.TryGetValue(kind, out var count) ? count + 1 : 1;
            var arguments = new LayerArguments(kind, descriptor.DefaultName(countsByKind[kind]), attribute, syntax, diagnostics);
            var options = descriptor.Read(arguments);
            hasCompilerErrors |= arguments.HasCompilerErrors || arguments.HasUnreadOptions;
            layers.Add(new LayerModel(kind, arguments.Name, options, arguments.Location, arguments.HasSizeOutOfRange));
        }

        return (layers.ToEquatableArray(), hasCompilerErrors);
    }

    private static IEnumerable<(AttributeData Attribute, AttributeSyntax? Syntax)> LayerAttributesInSourceOrder(
        INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.GetAttributes()
            .Select(attribute => (Attribute: attribute, Syntax: attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax))
            .OrderBy(pair => pair.Syntax?.SyntaxTree.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(pair => pair.Syntax?.SpanStart ?? 0);

    private static LayerDescriptor? DescriptorOf(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && NetworkParser.IsNetGenAttribute(attributeClass, attributeClass.Name)
            ? LayerCatalog.ForAttribute(attributeClass.Name)
            : null;
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Reads the layer attributes of a network class, top to bottom, into <see cref="LayerModel"/>s.</summary>
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
            var kind = KindOf(attribute.AttributeClass);
            if (kind is null)
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

            countsByKind[kind.Value] = countsByKind.TryGetValue(kind.Value, out var count) ? count + 1 : 1;
            var layer = ReadLayer(kind.Value, attribute, syntax, countsByKind[kind.Value], diagnostics, ref hasCompilerErrors);
            layers.Add(layer);
        }

        return (layers.ToEquatableArray(), hasCompilerErrors);
    }

    private static IEnumerable<(AttributeData Attribute, AttributeSyntax? Syntax)> LayerAttributesInSourceOrder(
        INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.GetAttributes()
            .Select(attribute => (Attribute: attribute, Syntax: attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax))
            .OrderBy(pair => pair.Syntax?.SyntaxTree.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(pair => pair.Syntax?.SpanStart ?? 0);

    private static LayerKind? KindOf(INamedTypeSymbol? attributeClass)
    {
        if (NetworkParser.IsNetGenAttribute(attributeClass, "InputAttribute"))
        {
            return LayerKind.Input;
        }

        if (NetworkParser.IsNetGenAttribute(attributeClass, "DenseAttribute"))
        {
            return LayerKind.Dense;
        }

        if (NetworkParser.IsNetGenAttribute(attributeClass, "FlattenAttribute"))
        {
            return LayerKind.Flatten;
        }

        if (NetworkParser.IsNetGenAttribute(attributeClass, "Conv2DAttribute"))
        {
            return LayerKind.Conv2D;
        }

        if (NetworkParser.IsNetGenAttribute(attributeClass, "MaxPool2DAttribute"))
        {
            return LayerKind.MaxPool2D;
        }

        if (NetworkParser.IsNetGenAttribute(attributeClass, "AvgPool2DAttribute"))
        {
            return LayerKind.AvgPool2D;
        }

        return null;
    }

    private static LayerModel ReadLayer(
        LayerKind kind, AttributeData attribute, AttributeSyntax syntax, int ordinal,
        List<DiagnosticInfo> diagnostics, ref bool hasCompilerErrors)
    {
        var location = SourceLocation.From(syntax.GetLocation());
        var name = kind == LayerKind.Input ? "Input" : kind + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var activation = ActivationKind.Identity;
        double? alpha = null;
        var initializer = InitializerKind.Default;
        var hasBias = true;
        int? kernel = null, stride = null, padding = null;

        foreach (var argument in attribute.NamedArguments)
        {
            var value = argument.Value;
            if (value.Kind == TypedConstantKind.Error)
            {
                hasCompilerErrors = true;
                continue;
            }

            switch (argument.Key)
            {
                case "Name" when value.Value is string text:
                    name = text;
                    if (LayerNames.Problem(text) is { } problem)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerName, NamedArgumentLocation(syntax, "Name") ?? location, text, problem));
                    }

                    break;
                case "Activation" when value.Value is int number:
                    hasCompilerErrors |= !EnumArgument.TryRead(number, "Activation", kind.ToString(), name, syntax, diagnostics, out activation);
                    break;
                case "Alpha" when value.Value is double number:
                    alpha = number;
                    break;
                case "Initializer" when value.Value is int number:
                    hasCompilerErrors |= !EnumArgument.TryRead(number, "Initializer", kind.ToString(), name, syntax, diagnostics, out initializer);
                    break;
                case "Bias" when value.Value is bool flag:
                    hasBias = flag;
                    break;
                case "Kernel" when value.Value is int number:
                    kernel = number;
                    CheckAtLeast(kind, name, "Kernel", number, 1, NamedArgumentLocation(syntax, "Kernel") ?? location, diagnostics);
                    break;
                case "Stride" when value.Value is int number:
                    stride = number;
                    CheckAtLeast(kind, name, "Stride", number, 1, NamedArgumentLocation(syntax, "Stride") ?? location, diagnostics);
                    break;
                case "Padding" when value.Value is int number:
                    padding = number;
                    CheckAtLeast(kind, name, "Padding", number, 0, NamedArgumentLocation(syntax, "Padding") ?? location, diagnostics);
                    break;
                case "Name":
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerName, NamedArgumentLocation(syntax, "Name") ?? location, "null", "is not a C# identifier"));
                    break;
                default:
                    // An enum value outside the declared members, or a property of a newer attribute version.
                    hasCompilerErrors = true;
                    break;
            }
        }

        var size = ReadSize(kind, attribute, syntax, name, location, diagnostics);
        return new LayerModel(kind, name, size, activation, alpha, initializer, hasBias, kernel, stride, padding, location);
    }

    private static EquatableArray<int> ReadSize(
        LayerKind kind, AttributeData attribute, AttributeSyntax syntax, string name, SourceLocation? location, List<DiagnosticInfo> diagnostics)
    {
        var sizes = new List<int>();
        var parameters = attribute.AttributeConstructor!.Parameters;
        for (var index = 0; index < attribute.ConstructorArguments.Length; index++)
        {
            if (attribute.ConstructorArguments[index].Value is not int value)
            {
                continue;
            }

            var parameterName = index < parameters.Length ? parameters[index].Name : "size";
            CheckAtLeast(kind, name, parameterName, value, 1, PositionalArgumentLocation(syntax, index) ?? location, diagnostics);

            sizes.Add(value);
        }

        return sizes.ToEquatableArray();
    }

    private static void CheckAtLeast(
        LayerKind kind, string name, string argument, int value, int minimum, SourceLocation? location, List<DiagnosticInfo> diagnostics)
    {
        if (value < minimum)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, kind, name, argument, value, minimum));
        }
    }

    internal static SourceLocation? PositionalArgumentLocation(AttributeSyntax syntax, int index)
    {
        var positional = syntax.ArgumentList?.Arguments.Where(argument => argument.NameEquals is null).ToList();
        return positional is not null && index < positional.Count ? SourceLocation.From(positional[index].GetLocation()) : null;
    }

    internal static SourceLocation? NamedArgumentLocation(AttributeSyntax syntax, string name)
    {
        var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(candidate => candidate.NameEquals?.Name.Identifier.ValueText == name);
        return argument is null ? null : SourceLocation.From(argument.GetLocation());
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Turns a class carrying [Network] into a <see cref="NetworkModel"/>. Runs in the pipeline's transform: nothing symbolic escapes it.</summary>
internal static class NetworkParser
{
    private const string AttributeNamespace = "NetGen";

    public static NetworkModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var diagnostics = new List<DiagnosticInfo>();
        var classLocation = SourceLocation.From(IdentifierLocation(context.TargetNode));

        CheckDeclaration(type, context.TargetNode, classLocation, diagnostics);
        var containingTypes = ParseContainingTypes(type, type.Name, diagnostics);
        var (loss, reduction, networkHasErrors) = ParseNetworkAttribute(context.Attributes.FirstOrDefault());

        cancellationToken.ThrowIfCancellationRequested();
        var (layers, layersHaveErrors) = LayerAttributeReader.Read(type, diagnostics, cancellationToken);

        return new NetworkModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            type.Name,
            containingTypes,
            loss,
            reduction,
            layers,
            classLocation,
            diagnostics.ToEquatableArray(),
            networkHasErrors || layersHaveErrors);
    }

    private static void CheckDeclaration(INamedTypeSymbol type, SyntaxNode node, SourceLocation? location, List<DiagnosticInfo> diagnostics)
    {
        if (node is RecordDeclarationSyntax)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedNetworkType, location, type.Name, "a record"));
        }
        else if (type.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedNetworkType, location, type.Name, "static"));
        }
        else if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedNetworkType, location, type.Name, "generic"));
        }

        if (!IsPartial(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, location, type.Name));
        }
    }

    private static EquatableArray<ContainingType> ParseContainingTypes(INamedTypeSymbol type, string networkName, List<DiagnosticInfo> diagnostics)
    {
        var containing = new List<ContainingType>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (!IsPartial(outer))
            {
                var location = SourceLocation.From(outer.DeclaringSyntaxReferences.FirstOrDefault() is { } reference
                    ? IdentifierLocation(reference.GetSyntax())
                    : null);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, location, outer.Name, networkName));
            }

            if (outer.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedNetworkType,
                    SourceLocation.From(outer.Locations.FirstOrDefault()), networkName, "nested in a generic type"));
            }

            containing.Insert(0, new ContainingType(TypeKeyword(outer), outer.Name));
        }

        return containing.ToEquatableArray();
    }

    private static (LossKind Loss, ReductionKind Reduction, bool HasErrors) ParseNetworkAttribute(AttributeData? attribute)
    {
        var loss = LossKind.MeanSquaredError;
        var reduction = ReductionKind.Mean;
        var hasErrors = attribute is null || attribute.AttributeConstructor is null;
        foreach (var argument in attribute?.NamedArguments ?? Enumerable.Empty<KeyValuePair<string, TypedConstant>>())
        {
            if (argument.Value.Kind == TypedConstantKind.Error || argument.Value.Value is not int value)
            {
                hasErrors = true;
                continue;
            }

            switch (argument.Key)
            {
                case "Loss" when System.Enum.IsDefined(typeof(LossKind), value):
                    loss = (LossKind)value;
                    break;
                case "Reduction" when System.Enum.IsDefined(typeof(ReductionKind), value):
                    reduction = (ReductionKind)value;
                    break;
                default:
                    hasErrors = true;
                    break;
            }
        }

        return (loss, reduction, hasErrors);
    }

    internal static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0 &&
        type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    internal static Location? IdentifierLocation(SyntaxNode node) =>
        node is BaseTypeDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : node.GetLocation();

    private static string TypeKeyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    internal static bool IsNetGenAttribute(INamedTypeSymbol? attributeClass, string name) =>
        attributeClass is { ContainingNamespace: { Name: AttributeNamespace, ContainingNamespace.IsGlobalNamespace: true } } &&
        attributeClass.Name == name;
}

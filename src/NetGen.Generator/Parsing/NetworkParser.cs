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

        // A declaration still being typed, or [Network] repeated on several parts (CS0579): the compiler
        // reports those; generating code would only add noise.
        var hasCompilerErrors =
            ((TypeDeclarationSyntax)context.TargetNode).Identifier.IsMissing ||
            type.GetAttributes().Count(attribute => IsNetGenAttribute(attribute.AttributeClass, "NetworkAttribute")) > 1 ||
            AttributesHaveCompilerErrors(type, context.SemanticModel.Compilation, cancellationToken);

        CheckDeclaration(type, context.TargetNode, classLocation, diagnostics);
        var containingTypes = ParseContainingTypes(type, type.Name, diagnostics);
        var networkAttribute = context.Attributes.FirstOrDefault();
        var (loss, reduction, networkHasErrors) = ParseNetworkAttribute(networkAttribute, type.Name, diagnostics);

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
            hasCompilerErrors || networkHasErrors || layersHaveErrors,
            UserMembers.Read(type));
    }

    internal static bool AttributesHaveCompilerErrors(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration || declaration.AttributeLists.Count == 0)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
            foreach (var list in declaration.AttributeLists)
            {
                if (model.GetDiagnostics(list.Span, cancellationToken).Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void CheckDeclaration(INamedTypeSymbol type, SyntaxNode node, SourceLocation? location, List<DiagnosticInfo> diagnostics)
    {
        var problem =
            node is RecordDeclarationSyntax ? "a record" :
            type.IsStatic ? "static" :
            type.TypeParameters.Length > 0 ? "generic" : // not IsGenericType: that is also true in a generic type, reported on the containing type
            type.IsFileLocal ? "file-local" :
            type.Name == "Layers" ? "named 'Layers', the name of its generated layer table" :
            BaseNetwork(type) is { } baseNetwork ? "derived from network '" + baseNetwork + "'" :
            null;
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedNetworkType, location, type.Name, problem));
        }

        if (!IsPartial(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, location, type.Name));
        }
    }

    private static string? BaseNetwork(INamedTypeSymbol type)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.GetAttributes().Any(attribute => IsNetGenAttribute(attribute.AttributeClass, "NetworkAttribute")))
            {
                return baseType.Name;
            }
        }

        return null;
    }

    internal static EquatableArray<ContainingType> ParseContainingTypes(INamedTypeSymbol type, string networkName, List<DiagnosticInfo> diagnostics)
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

    private static (LossKind Loss, ReductionKind Reduction, bool HasErrors) ParseNetworkAttribute(
        AttributeData? attribute, string networkName, List<DiagnosticInfo> diagnostics)
    {
        var loss = LossKind.MeanSquaredError;
        var reduction = ReductionKind.Mean;
        var hasErrors = attribute is null || attribute.AttributeConstructor is null;
        var syntax = attribute?.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
        foreach (var argument in attribute?.NamedArguments ?? Enumerable.Empty<KeyValuePair<string, TypedConstant>>())
        {
            if (argument.Value.Kind == TypedConstantKind.Error || argument.Value.Value is not int value)
            {
                hasErrors = true;
                continue;
            }

            switch (argument.Key)
            {
                case "Loss":
                    hasErrors |= !EnumArgument.TryRead(value, "Loss", "Network", networkName, syntax, diagnostics, out loss);
                    break;
                case "Reduction":
                    hasErrors |= !EnumArgument.TryRead(value, "Reduction", "Network", networkName, syntax, diagnostics, out reduction);
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

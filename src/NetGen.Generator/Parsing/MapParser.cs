using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Turns a class carrying [SelfOrganizingMap] into a <see cref="MapModel"/>. Runs in the pipeline's transform: nothing symbolic escapes it.</summary>
internal static class MapParser
{
    private const string MapAttributeName = "SelfOrganizingMapAttribute";
    private const string MapBaseClass = "NetGen.Maps.SelfOrganizingMap";
    private static readonly string[] s_sizeNames = ["rows", "columns", "inputSize"];

    public static MapModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var diagnostics = new List<DiagnosticInfo>();
        var classLocation = SourceLocation.From(NetworkParser.IdentifierLocation(context.TargetNode));
        var attribute = context.Attributes.FirstOrDefault();
        var attributeSyntax = attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

        // A declaration still being typed, arguments that do not bind, or the attribute repeated: the compiler reports those.
        var hasCompilerErrors =
            ((TypeDeclarationSyntax)context.TargetNode).Identifier.IsMissing ||
            attribute?.AttributeConstructor is null ||
            attribute.ConstructorArguments.Length != s_sizeNames.Length ||
            attribute.ConstructorArguments.Any(argument => argument.Kind == TypedConstantKind.Error || argument.Value is not int) ||
            type.GetAttributes().Count(candidate => NetworkParser.IsNetGenAttribute(candidate.AttributeClass, MapAttributeName)) > 1 ||
            NetworkParser.AttributesHaveCompilerErrors(type, context.SemanticModel.Compilation, cancellationToken);

        // A class that is also a network has its declaration checked by the network's pipeline: reporting NG0001–NG0003
        // here too would give one mistake two diagnostics.
        var isNetwork = type.GetAttributes().Any(candidate => NetworkParser.IsNetGenAttribute(candidate.AttributeClass, "NetworkAttribute"));
        var declarationDiagnostics = isNetwork ? new List<DiagnosticInfo>() : diagnostics;
        CheckDeclaration(type, context.TargetNode, classLocation, declarationDiagnostics);
        var containingTypes = NetworkParser.ParseContainingTypes(type, type.Name, declarationDiagnostics);
        if (isNetwork)
        {
            var location = attributeSyntax is null ? classLocation : SourceLocation.From(attributeSyntax.GetLocation());
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkAndMap, location, type.Name));
        }

        var sizes = hasCompilerErrors ? new[] { 1, 1, 1 } : attribute!.ConstructorArguments.Select(argument => (int)argument.Value!).ToArray();
        CheckSizes(type.Name, sizes, attributeSyntax, classLocation, diagnostics);

        return new MapModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            type.Name,
            containingTypes,
            sizes[0],
            sizes[1],
            sizes[2],
            diagnostics.ToEquatableArray(),
            CanEmit: !hasCompilerErrors && diagnostics.Count == 0);
    }

    private static void CheckDeclaration(INamedTypeSymbol type, SyntaxNode node, SourceLocation? location, List<DiagnosticInfo> diagnostics)
    {
        var problem =
            node is RecordDeclarationSyntax ? "a record" :
            type.IsStatic ? "static" :
            type.TypeParameters.Length > 0 ? "generic" :
            type.IsFileLocal ? "file-local" :
            type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && baseType.ToDisplayString() != MapBaseClass
                ? "derived from '" + baseType.Name + "' (a map derives from " + MapBaseClass + ")"
                : null;
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedNetworkType, location, type.Name, problem));
        }

        if (!NetworkParser.IsPartial(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, location, type.Name));
        }
    }

    private static void CheckSizes(string mapName, int[] sizes, AttributeSyntax? syntax, SourceLocation? classLocation, List<DiagnosticInfo> diagnostics)
    {
        var attributeLocation = syntax is null ? classLocation : SourceLocation.From(syntax.GetLocation());
        var inRange = true;
        for (var index = 0; index < sizes.Length; index++)
        {
            if (sizes[index] < 1)
            {
                inRange = false;
                var location = (syntax is null ? null : LayerArguments.PositionalArgumentLocation(syntax, index)) ?? attributeLocation;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, "SelfOrganizingMap", mapName, s_sizeNames[index], sizes[index], 1));
            }
        }

        var floats = (long)sizes[0] * sizes[1] * sizes[2];
        if (inRange && ((long)sizes[0] * sizes[1] > int.MaxValue || floats > int.MaxValue))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MapTooLarge, attributeLocation, mapName, sizes[0], sizes[1], sizes[2],
                ((decimal)sizes[0] * sizes[1] * sizes[2]).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}

using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Layers;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// NG0025: a type carrying layer attributes ([Input], [Dense], …) without [Network]. The generator looks only at classes
/// marked [Network], so such a type would otherwise be ignored without a word.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingNetworkAttributeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LayersWithoutNetwork);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attributes = type.GetAttributes();
        var firstLayer = attributes.FirstOrDefault(IsLayerAttribute);
        if (firstLayer is null || attributes.Any(attribute => NetworkParser.IsNetGenAttribute(attribute.AttributeClass, "NetworkAttribute")))
        {
            return;
        }

        // On the identifier of the declaration that carries the layers, where the code fix adds [Network].
        var declaration = firstLayer.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
        var location = declaration?.Identifier.GetLocation() ?? type.Locations.FirstOrDefault();
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LayersWithoutNetwork, location, type.Name));
    }

    private static bool IsLayerAttribute(AttributeData attribute) =>
        attribute.AttributeClass is { } attributeClass &&
        NetworkParser.IsNetGenAttribute(attributeClass, attributeClass.Name) &&
        LayerCatalog.ForAttribute(attributeClass.Name) is not null;
}

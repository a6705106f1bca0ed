using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Emit;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator;

/// <summary>
/// The generator's second pipeline: every class marked [NetGen.SelfOrganizingMap] is parsed into an equatable
/// <see cref="MapModel"/> and derived from NetGen.Maps.SelfOrganizingMap with its size constants. As for networks,
/// diagnostics travel in the model and a map with an error emits no code.
/// </summary>
internal static class MapPipeline
{
    internal const string MapAttributeName = "NetGen.SelfOrganizingMapAttribute";

    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        var outputs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MapAttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (syntaxContext, cancellationToken) => MapParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(NetworkGenerator.Steps.MapParse)
            .Select(static (map, _) => Produce(map))
            .WithTrackingName(NetworkGenerator.Steps.MapEmit);

        NetworkGenerator.RegisterOutputs(context, outputs);
    }

    private static NetworkOutput Produce(MapModel map) =>
        new(NetworkGenerator.HintName(map.FullName), map.CanEmit ? MapEmitter.Emit(map) : null, map.Diagnostics);
}

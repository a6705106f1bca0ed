using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator;

/// <summary>
/// Finds every class marked [NetGen.Network], parses it into an equatable model, infers its shapes and
/// emits its forward, backward and training code. Diagnostics travel in the model; a network with an
/// error, or with a member of the user's that the generated code declares too, emits no code, so users see
/// NetGen's message rather than a cascade of missing or duplicate members. Classes marked [NetGen.SelfOrganizingMap]
/// take a pipeline of their own, <see cref="MapPipeline"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    internal const string NetworkAttributeName = "NetGen.NetworkAttribute";

    /// <summary>Step names, tracked so that tests can check the pipeline caches.</summary>
    internal static class Steps
    {
        public const string Parse = "NetGen.Parse";
        public const string Infer = "NetGen.Infer";
        public const string Emit = "NetGen.Emit";
        public const string MapParse = "NetGen.MapParse";
        public const string MapEmit = "NetGen.MapEmit";
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var outputs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                NetworkAttributeName,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                transform: static (syntaxContext, cancellationToken) => NetworkParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(Steps.Parse)
            .Select(static (network, _) => ShapeInference.Infer(network))
            .WithTrackingName(Steps.Infer)
            .Select(static (plan, _) => Produce(plan))
            .WithTrackingName(Steps.Emit);

        RegisterOutputs(context, outputs);
        MapPipeline.Register(context);
    }

    /// <summary>Adds each output's source and reports its diagnostics.</summary>
    internal static void RegisterOutputs(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<NetworkOutput> outputs)
    {
        context.RegisterSourceOutput(outputs, static (output, network) => AddSource(output, network));

        // Diagnostics are reported at locations in the compilation's own syntax trees, which #pragma warning disable and
        // [SuppressMessage] reach (a location made from a file path alone escapes them). Only this step sees the
        // compilation, so every edit re-runs it, but it does nothing for a network without diagnostics.
        var diagnostics = outputs
            .Select(static (network, _) => network.Diagnostics)
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(diagnostics, static (output, pair) => Report(output, pair.Left, pair.Right));
    }

    /// <summary>
    /// A file name unique per network: hint names compare without case and allow no '@', so the
    /// readable name is followed by a hash of the exact one (Demo.Net and Demo.NET both generate).
    /// </summary>
    internal static string HintName(NetworkModel network) => HintName(network.FullName);

    /// <inheritdoc cref="HintName(NetworkModel)"/>
    internal static string HintName(string fullName)
    {
        var hash = 2166136261u;
        foreach (var character in fullName)
        {
            hash = unchecked((hash ^ character) * 16777619u);
        }

        return fullName.Replace("@", string.Empty) + "." + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
    }

    private static NetworkOutput Produce(NetworkPlan plan)
    {
        var hintName = HintName(plan.Network);
        if (!plan.CanEmit)
        {
            return new NetworkOutput(hintName, null, plan.Diagnostics);
        }

        var source = CSharpEmitter.Emit(plan);
        var collisions = MemberCollisions.Find(plan.Network, source);
        return collisions.Count == 0
            ? new NetworkOutput(hintName, source, plan.Diagnostics)
            : new NetworkOutput(hintName, null, plan.Diagnostics.Concat(collisions).ToEquatableArray());
    }

    private static void AddSource(SourceProductionContext output, NetworkOutput network)
    {
        if (network.Source is { } source)
        {
            output.AddSource(network.HintName, source);
        }
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics, Compilation compilation)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic(compilation));
        }
    }
}

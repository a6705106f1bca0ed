using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>The models cached between pipeline steps hold plain data only: no symbols, syntax, compilations or semantic models.</summary>
public sealed class PipelineModelPurityTests
{
    private const string NetworkWithDiagnostics = """
        using NetGen;

        namespace Demo;

        [Network(Loss = Loss.BinaryCrossEntropy)]
        [Input(1, 4, 4)]
        [Dense(0, Name = "Hidden", Activation = Activation.PReLU)]
        [Dense(1, Name = "Output", Activation = Activation.Tanh, Alpha = 0.5)]
        public partial class Faulty;
        """;

    [Fact]
    public void ParseStepOutputsHoldNoRoslynObjects()
    {
        var run = GeneratorHarness.Run(ValidNetworks.ImageMlp, ValidNetworks.NestedInPartialClass, NetworkWithDiagnostics);

        var values = TrackedSteps.Values(run, NetworkGenerator.Steps.Parse);

        Assert.Equal(3, values.Count);
        Assert.All(values, value => Assert.IsType<NetworkModel>(value));
        var walker = WalkAll(values);
        Assert.Empty(walker.Violations);
        Assert.Subset(walker.VisitedTypes, new[] { typeof(NetworkModel), typeof(LayerModel), typeof(ContainingType), typeof(SourceLocation), typeof(DiagnosticInfo) }.ToHashSet());
    }

    [Fact]
    public void InferStepOutputsHoldNoRoslynObjects()
    {
        var run = GeneratorHarness.Run(ValidNetworks.ImageMlp, ValidNetworks.NestedInPartialClass, NetworkWithDiagnostics);

        var values = TrackedSteps.Values(run, NetworkGenerator.Steps.Infer);

        Assert.Equal(3, values.Count);
        Assert.All(values, value => Assert.IsType<NetworkPlan>(value));
        var walker = WalkAll(values);
        Assert.Empty(walker.Violations);
        Assert.Subset(walker.VisitedTypes, new[] { typeof(NetworkPlan), typeof(PlannedLayer), typeof(NetworkModel), typeof(LayerModel), typeof(DiagnosticInfo) }.ToHashSet());
    }

    private static ModelGraphWalker WalkAll(System.Collections.Generic.IReadOnlyList<object> values)
    {
        var walker = new ModelGraphWalker();
        for (var index = 0; index < values.Count; index++)
        {
            walker.Walk(values[index], "output[" + index + "]");
        }

        return walker;
    }
}

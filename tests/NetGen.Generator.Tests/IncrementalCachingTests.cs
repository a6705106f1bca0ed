using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>Edits that do not touch a network reuse its parsed and inferred models instead of recomputing them.</summary>
public sealed class IncrementalCachingTests
{
    private const string UnrelatedPath = "Unrelated.cs";
    private const string Unrelated = "namespace Other; public static class Helper { public static int Answer => 42; }";
    private const string UnrelatedEdited = "namespace Other; public static class Helper { public static int Answer => 43; public static int More => 1; }";

    private static readonly string[] s_trackedSteps = { NetworkGenerator.Steps.Parse, NetworkGenerator.Steps.Infer };

    [Fact]
    public void AddingAnUnrelatedFileReusesEveryModel()
    {
        var compilation = TestCompilation.Create(ValidNetworks.Xor, ValidNetworks.ImageMlp);
        var first = GeneratorHarness.Run(compilation);

        var second = GeneratorHarness.Run(first.Driver, compilation.AddSyntaxTrees(TestCompilation.Parse(Unrelated, UnrelatedPath)));

        AssertEveryStepReused(first, second);
    }

    [Fact]
    public void EditingAnUnrelatedFileReusesEveryModel()
    {
        var unrelated = TestCompilation.Parse(Unrelated, UnrelatedPath);
        var compilation = TestCompilation.Create(ValidNetworks.Xor, ValidNetworks.ImageMlp).AddSyntaxTrees(unrelated);
        var first = GeneratorHarness.Run(compilation);

        var edited = compilation.ReplaceSyntaxTree(unrelated, TestCompilation.Parse(UnrelatedEdited, UnrelatedPath));
        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertEveryStepReused(first, second);
    }

    [Fact]
    public void EditingANetworkRecomputesItsModels()
    {
        // The counterpart of the tests above: it shows that their check can see a change.
        var compilation = TestCompilation.Create(ValidNetworks.Xor);
        var first = GeneratorHarness.Run(compilation);

        var network = compilation.SyntaxTrees.Single();
        var widened = network.WithChangedText(network.GetText().Replace(
            ValidNetworks.Xor.IndexOf("Dense(4", System.StringComparison.Ordinal) + "Dense(".Length, 1, "5"));
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(network, widened));

        foreach (var step in s_trackedSteps)
        {
            Assert.Contains(TrackedSteps.Outputs(second, step), output => output.Reason == IncrementalStepRunReason.Modified);
        }

        Assert.Contains("ParameterCount = 21;", second.SingleSource.Text, System.StringComparison.Ordinal);
    }

    private static void AssertEveryStepReused(GeneratorRun first, GeneratorRun second)
    {
        foreach (var step in s_trackedSteps)
        {
            var outputs = TrackedSteps.Outputs(second, step);
            Assert.Equal(2, outputs.Count);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                step + " output " + output.Value + " was " + output.Reason + "."));
            Assert.Equal(TrackedSteps.Values(first, step), TrackedSteps.Values(second, step));
        }

        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }
}

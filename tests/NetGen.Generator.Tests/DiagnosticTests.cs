using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>Invalid networks get one NetGen diagnostic each, at the exact span at fault, and no generated code.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void ClassThatIsNotPartialReportsNG0001()
    {
        AssertSingleError("NG0001", """
            using NetGen;

            [Network]
            [Input(2)]
            [Dense(1, Name = "Output")]
            public class [|NotPartialNet|]
            {
            }
            """, "'NotPartialNet'");
    }

    [Fact]
    public void NetworkWithoutInputReportsNG0004()
    {
        AssertSingleError("NG0004", """
            using NetGen;

            namespace Demo;

            [Network]
            [Dense(1, Name = "Output")]
            public partial class [|NoInputNet|];
            """, "'NoInputNet'", "[Input]");
    }

    [Fact]
    public void DenseAfterImageInputWithoutFlattenReportsNG0010()
    {
        AssertSingleError("NG0010", """
            using NetGen;

            namespace Demo;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(1, 28, 28)]
            [[|Dense(10, Name = "Logits")|]]
            public partial class UnflattenedNet;
            """, "Dense 'Logits'", "'Input' produces 1×28×28", "[Flatten]");
    }

    [Fact]
    public void SoftmaxCrossEntropyOnASoftmaxOutputReportsNG0011()
    {
        AssertSingleError("NG0011", """
            using NetGen;

            namespace Demo;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(4)]
            [Dense(8, Name = "Hidden", Activation = Activation.ReLU)]
            [[|Dense(3, Name = "Probabilities", Activation = Activation.Softmax)|]]
            public partial class DoubleSoftmaxNet;
            """, "SoftmaxCrossEntropy", "'Probabilities'", "Softmax");
    }

    [Fact]
    public void BinaryCrossEntropyOnANonSigmoidOutputReportsNG0011()
    {
        AssertSingleError("NG0011", """
            using NetGen;

            namespace Demo;

            [Network(Loss = Loss.BinaryCrossEntropy)]
            [Input(2)]
            [[|Dense(1, Name = "Score", Activation = Activation.Tanh)|]]
            public partial class TanhScoreNet;
            """, "BinaryCrossEntropy", "'Score'", "Sigmoid");
    }

    [Fact]
    public void DenseOfZeroUnitsReportsNG0006()
    {
        AssertSingleError("NG0006", """
            using NetGen;

            namespace Demo;

            [Network]
            [Input(2)]
            [Dense([|0|], Name = "Empty")]
            [Dense(1, Name = "Output")]
            public partial class ZeroWidthNet;
            """, "Dense 'Empty'", "units = 0");
    }

    public static TheoryData<string> ValidNetworkNames => new(ValidNetworks.ByName.Keys.OrderBy(name => name, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ValidNetworkNames))]
    public void ValidNetworkReportsNoNetGenDiagnostic(string networkName)
    {
        var run = GeneratorHarness.Run(ValidNetworks.ByName[networkName]);

        Assert.Empty(run.NetGenDiagnostics);
        Assert.Single(run.GeneratedSources);
    }

    private static void AssertSingleError(string id, string markedSource, params string[] messageMentions)
    {
        var marked = MarkedSource.Parse(markedSource);

        var run = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var mention in messageMentions)
        {
            Assert.Contains(mention, message, StringComparison.Ordinal);
        }

        Assert.Equal(TestCompilation.DefaultPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(marked.MarkedText, run.TextUnder(diagnostic));
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Empty(run.GeneratedSources);
    }
}

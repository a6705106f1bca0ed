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

    [Fact]
    public void ConvolutionOnAVectorReportsNG0016()
    {
        AssertSingleError("NG0016", """
            using NetGen;

            [Network]
            [Input(784)]
            [[|Conv2D(6, Name = "Conv1", Kernel = 5)|]]
            [Flatten]
            [Dense(10)]
            public partial class FlatConvNet;
            """, "Conv2D 'Conv1'", "'Input' produces 784");
    }

    [Fact]
    public void WindowLargerThanThePaddedInputReportsNG0017()
    {
        AssertSingleError("NG0017", """
            using NetGen;

            [Network]
            [Input(1, 4, 4)]
            [[|Conv2D(2, Name = "Wide", Kernel = 7, Padding = 1)|]]
            [Flatten]
            [Dense(1)]
            public partial class WideKernelNet;
            """, "Conv2D 'Wide'", "7×7 window", "6×6", "'Input' produces 1×4×4");
    }

    [Fact]
    public void StrideThatSkipsRowsReportsWarningNG0018()
    {
        var marked = MarkedSource.Parse("""
            using NetGen;

            [Network]
            [Input(1, 28, 28)]
            [[|MaxPool2D(3, Name = "Pool")|]]
            [Flatten]
            [Dense(10)]
            public partial class SkippingPoolNet;
            """);

        var run = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0018", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("last 1 row(s) and 1 column(s) of its 28×28", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(marked.MarkedText, run.TextUnder(diagnostic));
        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings in the output compilation");
    }

    [Fact]
    public void SoftmaxOnAConvolutionReportsNG0019()
    {
        AssertSingleError("NG0019", """
            using NetGen;

            [Network]
            [Input(1, 8, 8)]
            [[|Conv2D(2, Name = "Maps", Activation = Activation.Softmax)|]]
            [Flatten]
            [Dense(1)]
            public partial class SoftmaxMapsNet;
            """, "Conv2D 'Maps'", "Softmax");
    }

    [Fact]
    public void PoolingPaddedBeyondHalfItsWindowReportsNG0020()
    {
        AssertSingleError("NG0020", """
            using NetGen;

            [Network]
            [Input(1, 8, 8)]
            [Conv2D(2)]
            [[|MaxPool2D(2, Name = "Pool", Padding = 2)|]]
            [Flatten]
            [Dense(1)]
            public partial class OverPaddedNet;
            """, "MaxPool2D 'Pool'", "pads by 2", "window is 2");
    }

    [Fact]
    public void NegativePaddingReportsNG0006OnTheArgument()
    {
        AssertSingleError("NG0006", """
            using NetGen;

            [Network]
            [Input(1, 8, 8)]
            [Conv2D(2, Name = "Conv", [|Padding = -1|])]
            [Flatten]
            [Dense(1)]
            public partial class NegativePaddingNet;
            """, "Conv2D 'Conv'", "Padding = -1", "at least 0");
    }

    [Fact]
    public void PaddingTooLargeForAnIntReportsNG0013()
    {
        AssertSingleError("NG0013", """
            using NetGen;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(1, 28, 28)]
            [[|Conv2D(6, Name = "Padded", Kernel = 5, Padding = int.MaxValue)|]]
            [Flatten]
            [Dense(10)]
            public partial class PaddedNet;
            """, "'PaddedNet'", "activations per sample", "'Padded'");
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

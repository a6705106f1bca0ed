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
    public void PerceptronOnANonStepOutputReportsNG0011()
    {
        AssertSingleError("NG0011", """
            using NetGen;

            namespace Demo;

            [Network(Loss = Loss.Perceptron)]
            [Input(2)]
            [[|Dense(1, Name = "Unit", Activation = Activation.Sigmoid)|]]
            public partial class SigmoidPerceptron;
            """, "Perceptron", "'Unit'", "BinaryStep");
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
        Assert.Equal("MaxPool2D 'Pool' with a 3×3 window, stride 3 and padding 0 never reads the last 1 row and 1 column of its 28×28 input",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
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
    public void ReshapeThatChangesTheElementCountReportsNG0022()
    {
        AssertSingleError("NG0022", """
            using NetGen;

            [Network]
            [Input(2, 3, 4)]
            [Flatten]
            [[|Reshape(5, 5, Name = "Grid")|]]
            [Conv2D(2)]
            [Flatten]
            [Dense(1)]
            public partial class MisshapenNet;
            """, "Reshape 'Grid'", "'Flatten1' produces, 24 (24 floats)", "5×5 (25 floats)");
    }

    [Theory]
    [InlineData("1.0", "rate 1")]
    [InlineData("-0.25", "rate -0.25")]
    public void DropoutRateOutsideTheUnitIntervalReportsNG0023OnTheArgument(string rate, string message)
    {
        AssertSingleError("NG0023", $$"""
            using NetGen;

            [Network]
            [Input(8)]
            [Dropout([|{{rate}}|], Name = "Drop")]
            [Dense(1)]
            public partial class OverDroppedNet;
            """, "Dropout 'Drop'", message, "below 1", "dropping a value");
    }

    [Theory]
    [InlineData("DropConnect = 1.0", "DropConnect = 1")]
    [InlineData("DropConnect = -0.5", "DropConnect = -0.5")]
    public void DropConnectOutsideTheUnitIntervalReportsNG0023OnTheOption(string option, string message)
    {
        AssertSingleError("NG0023", $$"""
            using NetGen;

            [Network]
            [Input(8)]
            [Dense(4, Name = "Hidden", [|{{option}}|])]
            [Dense(1)]
            public partial class OverConnectedNet;
            """, "Dense 'Hidden'", message, "below 1", "dropping a weight");
    }

    [Fact]
    public void MaxoutOfOnePieceReportsNG0006OnTheArgument()
    {
        AssertSingleError("NG0006", """
            using NetGen;

            [Network]
            [Input(8)]
            [Maxout(4, [|1|], Name = "Max")]
            [Dense(1)]
            public partial class OnePieceNet;
            """, "Maxout 'Max'", "pieces = 1", "at least 2");
    }

    [Fact]
    public void MaxoutOfZeroUnitsNamedOutOfOrderReportsNG0006OnThatArgument()
    {
        AssertSingleError("NG0006", """
            using NetGen;

            [Network]
            [Input(8)]
            [Maxout(pieces: 3, [|units: 0|], Name = "Max")]
            [Dense(1)]
            public partial class NoUnitsNet;
            """, "Maxout 'Max'", "units = 0", "at least 1");
    }

    [Fact]
    public void MaxoutAfterImageInputWithoutFlattenReportsNG0010()
    {
        AssertSingleError("NG0010", """
            using NetGen;

            [Network]
            [Input(1, 4, 4)]
            [[|Maxout(3, 2, Name = "Max")|]]
            [Dense(1)]
            public partial class UnflattenedMaxoutNet;
            """, "Maxout 'Max'", "'Input' produces 1×4×4", "[Flatten]");
    }

    [Fact]
    public void RbfAfterAnImageReportsNG0010()
    {
        AssertSingleError("NG0010", """
            using NetGen;

            [Network]
            [Input(1, 4, 4)]
            [[|Rbf(3, Name = "Kernels")|]]
            [Dense(1)]
            public partial class UnflattenedRbfNet;
            """, "Rbf 'Kernels'", "'Input' produces 1×4×4", "[Flatten]");
    }

    [Theory]
    [InlineData("Width = 0", "Width = 0")]
    [InlineData("Width = -0.5", "Width = -0.5")]
    [InlineData("Width = double.PositiveInfinity", "Width = Infinity")]
    public void RbfWidthNotPositiveReportsNG0031OnTheArgument(string option, string message)
    {
        AssertSingleError("NG0031", $$"""
            using NetGen;

            [Network]
            [Input(2)]
            [Rbf(4, Name = "Kernels", [|{{option}}|])]
            [Dense(1)]
            public partial class BadWidthNet;
            """, "Rbf 'Kernels'", message, "positive and finite");
    }

    [Theory]
    [InlineData("Momentum = 0", "Momentum = 0", "above 0 and at most 1")]
    [InlineData("Momentum = 1.5", "Momentum = 1.5", "above 0 and at most 1")]
    [InlineData("Epsilon = -1E-05", "Epsilon = -1E-05", "it must be positive")]
    [InlineData("Momentum = 1E-50", "Momentum = 1E-50", "it rounds to 0 as a float")]
    public void BatchNormOptionOutOfRangeReportsNG0024OnTheArgument(string option, string message, string rule)
    {
        AssertSingleError("NG0024", $$"""
            using NetGen;

            [Network]
            [Input(8)]
            [Dense(4)]
            [BatchNorm(Name = "Norm", [|{{option}}|])]
            [Dense(1)]
            public partial class BadNormNet;
            """, "BatchNorm 'Norm'", message, rule);
    }

    [Fact]
    public void BatchNormWithSoftmaxReportsNG0019()
    {
        AssertSingleError("NG0019", """
            using NetGen;

            [Network]
            [Input(8)]
            [Dense(4)]
            [[|BatchNorm(Name = "Norm", Activation = Activation.Softmax)|]]
            [Dense(1)]
            public partial class SoftmaxNormNet;
            """, "BatchNorm 'Norm'", "Softmax", "dense layers");
    }

    [Fact]
    public void NoisyReluOnTheOutputLayerReportsWarningNG0027()
    {
        var marked = MarkedSource.Parse("""
            using NetGen;

            [Network]
            [Input(4)]
            [Dense(8, Activation = Activation.NoisyReLU)]
            [[|Dense(2, Name = "Output", Activation = Activation.NoisyReLU)|]]
            public partial class NoisyOutputNet;
            """);

        var run = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0027", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Dense 'Output' is the output layer, so NoisyReLU adds its noise to the outputs the loss scores in training; put the noisy activation in a hidden layer",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings in the output compilation");
    }

    [Fact]
    public void NoisyReluOnAConvolutionBelowAViewOfTheOutputReportsNG0027OnTheConvolution()
    {
        var marked = MarkedSource.Parse("""
            using NetGen;

            [Network]
            [Input(1, 6, 6)]
            [[|Conv2D(2, Name = "Maps", Activation = Activation.NoisyReLU)|]]
            [Flatten]
            public partial class NoisyMapsNet;
            """);

        var run = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0027", diagnostic.Id);
        Assert.Contains("Conv2D 'Maps'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void NoisyReluInHiddenConvolutionAndBatchNormLayersReportsNothing()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(1, 6, 6)]
            [Conv2D(2, Activation = Activation.NoisyReLU)]
            [BatchNorm(Activation = Activation.NoisyReLU)]
            [Flatten]
            [Dense(8, Activation = Activation.NoisyReLU)]
            [Dense(3)]
            public partial class NoisyHiddenNet;
            """);

        Assert.Empty(run.NetGenDiagnostics);
        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings in the output compilation");
    }

    [Fact]
    public void NoisyReluAtAnOutputTheLossCannotTakeReportsOnlyNG0011()
    {
        AssertSingleError("NG0011", """
            using NetGen;

            [Network(Loss = Loss.BinaryCrossEntropy)]
            [Input(4)]
            [[|Dense(1, Name = "Output", Activation = Activation.NoisyReLU)|]]
            public partial class NoisyProbabilityNet;
            """, "Output", "NoisyReLU");
    }

    [Fact]
    public void AlphaOnNoisyReluReportsWarningNG0012()
    {
        var marked = MarkedSource.Parse("""
            using NetGen;

            [Network]
            [Input(2)]
            [[|Dense(4, Name = "Hidden", Activation = Activation.NoisyReLU, Alpha = 0.2)|]]
            [Dense(1)]
            public partial class NoisyAlphaNet;
            """);

        var run = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0012", diagnostic.Id);
        Assert.Equal("Dense 'Hidden' sets Alpha, which activation NoisyReLU does not use", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void ZeroPoolingWindowReportsNG0006OnTheArgument()
    {
        AssertSingleError("NG0006", """
            using NetGen;

            [Network]
            [Input(1, 8, 8)]
            [AvgPool2D([|0|], Name = "Pool")]
            [Flatten]
            [Dense(1)]
            public partial class EmptyWindowNet;
            """, "AvgPool2D 'Pool'", "window = 0", "at least 1");
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

    [Fact]
    public void GenericNetworkReportsNG0002()
    {
        AssertSingleError("NG0002", """
            using NetGen;

            [Network]
            [Input(2)]
            [Dense(1)]
            public partial class [|GenericNet|]<T>;
            """, "'GenericNet'", "generic");
    }

    [Fact]
    public void ContainingTypeThatIsNotPartialReportsNG0003()
    {
        AssertSingleError("NG0003", """
            using NetGen;

            public class [|Models|]
            {
                [Network]
                [Input(2)]
                [Dense(1)]
                public partial class InnerNet;
            }
            """, "'Models'", "'InnerNet'");
    }

    [Fact]
    public void InputAfterALayerReportsNG0005()
    {
        AssertSingleError("NG0005", """
            using NetGen;

            [Network]
            [Dense(4, Name = "Hidden")]
            [[|Input(2)|]]
            [Dense(1)]
            public partial class LateInputNet;
            """, "'LateInputNet'", "after layer 'Hidden'");
    }

    [Fact]
    public void NetworkWithoutParametersReportsNG0007()
    {
        AssertSingleError("NG0007", """
            using NetGen;

            [Network]
            [Input(1, 4, 4)]
            [Flatten]
            public partial class [|EmptyNet|];
            """, "'EmptyNet'", "no layer with parameters");
    }

    [Fact]
    public void LayerNameThatIsNotAnIdentifierReportsNG0008()
    {
        AssertSingleError("NG0008", """
            using NetGen;

            [Network]
            [Input(2)]
            [Dense(1, [|Name = "two words"|])]
            public partial class BadNameNet;
            """, "'two words'", "not a C# identifier");
    }

    [Fact]
    public void DuplicateLayerNameReportsNG0009()
    {
        AssertSingleError("NG0009", """
            using NetGen;

            [Network]
            [Input(2)]
            [Dense(4, Name = "Hidden")]
            [[|Dense(1, Name = "Hidden")|]]
            public partial class TwinNet;
            """, "'Hidden'", "'TwinNet'");
    }

    [Fact]
    public void AlphaOnAnActivationWithoutOneReportsWarningNG0012()
    {
        var marked = MarkedSource.Parse("""
            using NetGen;

            [Network]
            [Input(2)]
            [[|Dense(1, Name = "Output", Activation = Activation.Tanh, Alpha = 0.2)|]]
            public partial class AlphaNet;
            """);

        var run = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Dense 'Output' sets Alpha, which activation Tanh does not use", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(marked.MarkedText, run.TextUnder(diagnostic));
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void NonFiniteAlphaReportsNG0014()
    {
        AssertSingleError("NG0014", """
            using NetGen;

            [Network]
            [Input(2)]
            [[|Dense(1, Name = "Leaky", Activation = Activation.LeakyReLU, Alpha = double.NaN)|]]
            public partial class NaNAlphaNet;
            """, "Dense 'Leaky'", "Alpha = NaN", "finite");
    }

    [Fact]
    public void UndefinedActivationReportsNG0015OnTheArgument()
    {
        AssertSingleError("NG0015", """
            using NetGen;

            [Network]
            [Input(2)]
            [Dense(1, Name = "Odd", [|Activation = (Activation)99|])]
            public partial class OddActivationNet;
            """, "Dense 'Odd'", "Activation = 99", "not a member of Activation");
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

    /// <summary>The source reports one error, <paramref name="id"/>, at its marked span, mentioning each of <paramref name="messageMentions"/>, and generates nothing.</summary>
    internal static void AssertSingleError(string id, string markedSource, params string[] messageMentions)
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

using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Sequences and recurrent layers declared wrongly (NG0032–NG0036, and the losses and activations a sequence refuses): each
/// reports one diagnostic, word for word, on the attribute at fault, naming the layer and the shape it was given.
/// </summary>
public sealed class RecurrentDiagnosticTests
{
    [Fact]
    public void RecurrentLayerOnAnImageShapedInputReportsNG0032()
    {
        AssertSingle("NG0032", DiagnosticSeverity.Error, """
            using NetGen;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(28, 28)]
            [[|Lstm(64, Name = "Reader")|]]
            [Dense(10)]
            public partial class ImageIntoLstmNet;
            """,
            "Lstm 'Reader' reads a sequence (steps × features) but 'Input' produces 28×28; declare the input as " +
            "[Input(steps, features, Sequence = true)], or give the recurrent layer below ReturnSequences = true");
    }

    [Fact]
    public void RecurrentLayerOnAVectorInputReportsNG0032()
    {
        AssertSingle("NG0032", DiagnosticSeverity.Error, """
            using NetGen;

            [Network]
            [Input(12)]
            [[|SimpleRnn(4, Name = "Elman")|]]
            [Dense(1)]
            public partial class VectorIntoRnnNet;
            """,
            "SimpleRnn 'Elman' reads a sequence (steps × features) but 'Input' produces 12; declare the input as " +
            "[Input(steps, features, Sequence = true)], or give the recurrent layer below ReturnSequences = true");
    }

    [Fact]
    public void RecurrentLayerAfterOneThatReturnsItsLastStepReportsNG0032()
    {
        AssertSingle("NG0032", DiagnosticSeverity.Error, """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [Lstm(16, Name = "First")]
            [[|Gru(8, Name = "Second")|]]
            [Dense(1)]
            public partial class UnstackedNet;
            """,
            "Gru 'Second' reads a sequence (steps × features) but 'First' produces 16; declare the input as " +
            "[Input(steps, features, Sequence = true)], or give the recurrent layer below ReturnSequences = true");
    }

    [Fact]
    public void RecurrentLayerAfterAReshapeToTwoSizesReportsNG0032()
    {
        // A reshape declares a matrix, a one-channel image: only [Input] makes a sequence.
        AssertSingle("NG0032", DiagnosticSeverity.Error, """
            using NetGen;

            [Network]
            [Input(18)]
            [Reshape(6, 3)]
            [[|Gru(4, Name = "Cell")|]]
            [Dense(1)]
            public partial class ReshapedSequenceNet;
            """,
            "Gru 'Cell' reads a sequence (steps × features) but 'Reshape1' produces 6×3; declare the input as " +
            "[Input(steps, features, Sequence = true)], or give the recurrent layer below ReturnSequences = true");
    }

    [Fact]
    public void DenseAfterAReturnedSequenceReportsNG0033WithThePerStepHint()
    {
        AssertSingle("NG0033", DiagnosticSeverity.Error, """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [Gru(16, ReturnSequences = true)]
            [[|Dense(1, Name = "Output")|]]
            public partial class SequenceIntoDenseNet;
            """,
            "Dense 'Output' takes a vector but 'Gru1' produces the sequence 20×16; give 'Gru1' ReturnSequences = false (its last step only) " +
            "or insert [Flatten], or set PerStep = true to apply the layer at every step");
    }

    [Fact]
    public void MaxoutAfterAReturnedSequenceReportsNG0033WithoutThePerStepHint()
    {
        AssertSingle("NG0033", DiagnosticSeverity.Error, """
            using NetGen;

            [Network]
            [Input(10, 2, Sequence = true)]
            [Lstm(6, Name = "Memory", ReturnSequences = true)]
            [[|Maxout(3, 2, Name = "Max")|]]
            [Dense(1)]
            public partial class SequenceIntoMaxoutNet;
            """,
            "Maxout 'Max' takes a vector but 'Memory' produces the sequence 10×6; give 'Memory' ReturnSequences = false (its last step only) or insert [Flatten]");
    }

    [Fact]
    public void RbfAfterAReturnedSequenceReportsNG0033WithoutThePerStepHint()
    {
        AssertSingle("NG0033", DiagnosticSeverity.Error, """
            using NetGen;

            [Network]
            [Input(5, 4, Sequence = true)]
            [SimpleRnn(3, Name = "Elman", ReturnSequences = true)]
            [[|Rbf(4, Name = "Kernels")|]]
            [Dense(1)]
            public partial class SequenceIntoRbfNet;
            """,
            "Rbf 'Kernels' takes a vector but 'Elman' produces the sequence 5×3; give 'Elman' ReturnSequences = false (its last step only) or insert [Flatten]");
    }

    [Fact]
    public void DenseOnASequenceInputReportsNG0033WithoutTheReturnSequencesHint()
    {
        AssertSingle("NG0033", DiagnosticSeverity.Error, """
            using NetGen;

            [Network]
            [Input(6, 3, Sequence = true)]
            [Dropout(0.1)]
            [[|Dense(2, Name = "Output")|]]
            public partial class SequenceInputIntoDenseNet;
            """,
            "Dense 'Output' takes a vector but 'Dropout1' produces the sequence 6×3; insert [Flatten], or set PerStep = true to apply the layer at every step");
    }

    [Fact]
    public void TruncationOfOneStepOnAOneStepSequenceCountsItsStep()
    {
        AssertSingle("NG0034", DiagnosticSeverity.Warning, """
            using NetGen;

            [Network]
            [Input(1, 2, Sequence = true)]
            [[|SimpleRnn(3, Name = "Elman", Bptt = 1)|]]
            [Dense(1)]
            public partial class OneStepNet;
            """,
            "SimpleRnn 'Elman' truncates backpropagation through time to 1 step, but its sequence has 1; the truncation changes nothing, so remove Bptt or make it shorter");
    }

    [Fact]
    public void TruncationAtLeastTheSequenceReportsWarningNG0034AndStillGenerates()
    {
        var run = AssertSingle("NG0034", DiagnosticSeverity.Warning, """
            using NetGen;

            [Network]
            [Input(20, 1, Sequence = true)]
            [[|SimpleRnn(8, Name = "Elman", Bptt = 50)|]]
            [Dense(1)]
            public partial class LongTruncationNet;
            """,
            "SimpleRnn 'Elman' truncates backpropagation through time to 50 steps, but its sequence has 20; the truncation changes nothing, so remove Bptt or make it shorter");

        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings in the output compilation");
    }

    [Fact]
    public void TruncationOfExactlyTheSequenceReportsNG0034()
    {
        AssertSingle("NG0034", DiagnosticSeverity.Warning, """
            using NetGen;

            [Network]
            [Input(6, 2, Sequence = true)]
            [[|Lstm(4, Name = "Memory", Bptt = 6)|]]
            [Dense(1)]
            public partial class WholeTruncationNet;
            """,
            "Lstm 'Memory' truncates backpropagation through time to 6 steps, but its sequence has 6; the truncation changes nothing, so remove Bptt or make it shorter");
    }

    [Fact]
    public void TruncationShorterThanTheSequenceReportsNothing()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;

            [Network]
            [Input(6, 2, Sequence = true)]
            [Lstm(4, Bptt = 5)]
            [Dense(1)]
            public partial class TruncatedNet;
            """);

        Assert.Empty(run.NetGenDiagnostics);
        Assert.Single(run.GeneratedSources);
    }

    [Theory]
    [InlineData("3, 20, 4", "3 sizes")]
    [InlineData("20", "1 size")]
    public void SequenceInputWithoutTwoSizesReportsNG0035(string sizes, string count)
    {
        AssertSingle("NG0035", DiagnosticSeverity.Error, $$"""
            using NetGen;

            [Network]
            [[|Input({{sizes}}, Sequence = true)|]]
            [Flatten]
            [Dense(1)]
            public partial class ThreeSizeSequenceNet;
            """,
            "A sequence input has two sizes, steps × features, but this one has " + count);
    }

    [Fact]
    public void PerStepDenseOnAVectorReportsWarningNG0036AndStillGenerates()
    {
        var run = AssertSingle("NG0036", DiagnosticSeverity.Warning, """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [Lstm(16, Name = "Memory")]
            [[|Dense(1, Name = "Output", PerStep = true)|]]
            public partial class PerStepOnVectorNet;
            """,
            "Dense 'Output' sets PerStep = true but 'Memory' produces 16, not a sequence; the layer applies once per sample, so remove PerStep");

        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings in the output compilation");
    }

    [Fact]
    public void SoftmaxCrossEntropyOnASequenceOutputReportsNG0011()
    {
        AssertSingle("NG0011", DiagnosticSeverity.Error, """
            using NetGen;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(8, 3, Sequence = true)]
            [Lstm(6, ReturnSequences = true)]
            [[|Dense(4, Name = "Logits", PerStep = true)|]]
            public partial class SequenceLogitsNet;
            """,
            "SoftmaxCrossEntropy does not fit output layer 'Logits' (Identity, the sequence 8×4): it scores one class per sample, " +
            "so end the network with a vector: ReturnSequences = false, or [Flatten] and a dense layer");
    }

    [Fact]
    public void PerceptronOnARecurrentSequenceOutputReportsNG0011()
    {
        AssertSingle("NG0011", DiagnosticSeverity.Error, """
            using NetGen;

            [Network(Loss = Loss.Perceptron)]
            [Input(8, 3, Sequence = true)]
            [[|Gru(2, Name = "Steps", ReturnSequences = true)|]]
            public partial class SequencePerceptronNet;
            """,
            "Perceptron does not fit output layer 'Steps' (Identity, the sequence 8×2): it scores one class per sample, " +
            "so end the network with a vector: ReturnSequences = false, or [Flatten] and a dense layer");
    }

    [Theory]
    [InlineData("MeanSquaredError")]
    [InlineData("MeanAbsoluteError")]
    public void ElementwiseLossesScoreASequenceOutput(string loss)
    {
        var run = GeneratorHarness.Run($$"""
            using NetGen;

            [Network(Loss = Loss.{{loss}})]
            [Input(8, 3, Sequence = true)]
            [Gru(5, ReturnSequences = true)]
            [Dense(1, PerStep = true)]
            public partial class SequenceRegressionNet;
            """);

        Assert.Empty(run.NetGenDiagnostics);
        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings in the output compilation");
    }

    [Fact]
    public void PerStepDenseWithSoftmaxReportsNG0019()
    {
        AssertSingle("NG0019", DiagnosticSeverity.Error, """
            using NetGen;

            [Network]
            [Input(8, 3, Sequence = true)]
            [Lstm(6, ReturnSequences = true)]
            [[|Dense(4, Name = "Probabilities", PerStep = true, Activation = Activation.Softmax)|]]
            [Flatten]
            [Dense(1)]
            public partial class PerStepSoftmaxNet;
            """,
            "Dense 'Probabilities' cannot use Softmax; a per-step dense layer takes element-wise activations only");
    }

    [Fact]
    public void PerStepDenseWithPReluReportsNG0019()
    {
        AssertSingle("NG0019", DiagnosticSeverity.Error, """
            using NetGen;

            [Network]
            [Input(8, 3, Sequence = true)]
            [Lstm(6, ReturnSequences = true)]
            [[|Dense(4, Name = "Slopes", PerStep = true, Activation = Activation.PReLU)|]]
            [Flatten]
            [Dense(1)]
            public partial class PerStepPReluNet;
            """,
            "Dense 'Slopes' cannot use PReLU; a per-step dense layer takes element-wise activations only");
    }

    [Theory]
    [InlineData("Softmax")]
    [InlineData("PReLU")]
    [InlineData("NoisyReLU")]
    public void ElmanCellWithAnActivationThatIsNotElementwiseReportsNG0019(string activation)
    {
        AssertSingle("NG0019", DiagnosticSeverity.Error, $$"""
            using NetGen;

            [Network]
            [Input(8, 3, Sequence = true)]
            [[|SimpleRnn(6, Name = "Elman", Activation = Activation.{{activation}})|]]
            [Dense(1)]
            public partial class OddCellNet;
            """,
            "SimpleRnn 'Elman' cannot use " + activation + "; a recurrent cell takes an element-wise activation");
    }

    [Fact]
    public void AlphaOnAnElmanCellWithoutOneReportsWarningNG0012()
    {
        AssertSingle("NG0012", DiagnosticSeverity.Warning, """
            using NetGen;

            [Network]
            [Input(8, 3, Sequence = true)]
            [[|SimpleRnn(6, Name = "Elman", Alpha = 0.2)|]]
            [Dense(1)]
            public partial class AlphaCellNet;
            """,
            "SimpleRnn 'Elman' sets Alpha, which activation Tanh does not use");
    }

    [Theory]
    [InlineData("Lstm([|0|], Name = \"Memory\")", "Lstm 'Memory' has units = 0; it must be at least 1")]
    [InlineData("Gru(4, Name = \"Cell\", [|Bptt = -1|])", "Gru 'Cell' has Bptt = -1; it must be at least 0")]
    public void RecurrentSizesOutOfRangeReportNG0006OnTheArgument(string layer, string message)
    {
        AssertSingle("NG0006", DiagnosticSeverity.Error, $$"""
            using NetGen;

            [Network]
            [Input(8, 3, Sequence = true)]
            [{{layer}}]
            [Dense(1)]
            public partial class BadSizeNet;
            """,
            message);
    }

    [Theory]
    [InlineData("[Input(28, 28)] [Lstm(8)] [Dense(4)] [Dense(2)]")]
    [InlineData("[Input(28, 28)] [Gru(8, ReturnSequences = true)] [Dense(4, PerStep = true)] [Flatten] [Dense(2)]")]
    [InlineData("[Input(28, 28)] [SimpleRnn(8)] [Rbf(2)] [Maxout(2, 2)]")]
    public void ARecurrentLayerWithoutASequenceIsReportedOnce(string layers)
    {
        var run = GeneratorHarness.Run("using NetGen;\n[Network(Loss = Loss.SoftmaxCrossEntropy)]\n" + layers + "\npublic partial class CascadeNet;");

        Assert.Equal(new[] { "NG0032" }, run.NetGenDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Empty(run.GeneratedSources);
    }

    /// <summary>
    /// The source reports exactly one NetGen diagnostic, <paramref name="id"/> of <paramref name="severity"/>, reading
    /// <paramref name="message"/>, at its marked span; an error generates nothing, a warning still generates the network.
    /// </summary>
    private static GeneratorRun AssertSingle(string id, DiagnosticSeverity severity, string markedSource, string message)
    {
        var marked = MarkedSource.Parse(markedSource);

        var run = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(TestCompilation.DefaultPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(marked.MarkedText, run.TextUnder(diagnostic));
        Assert.Equal(severity == DiagnosticSeverity.Error ? 0 : 1, run.GeneratedSources.Count);
        return run;
    }
}

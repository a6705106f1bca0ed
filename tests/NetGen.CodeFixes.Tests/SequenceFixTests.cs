using System.Threading.Tasks;
using NetGen.CodeFixes.Tests.Infrastructure;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0032 and NG0033: an input declared as a sequence; a sequence output ended, applied per step or flattened.</summary>
public sealed class SequenceFixTests
{
    [Fact]
    public async Task DeclaresATwoDimensionalInputAsASequence()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new DeclareSequenceInputCodeFixProvider(), "NG0032", """
            using NetGen;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(28, 28)]
            [Lstm(64)]
            [Dense(10)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(28, 28, Sequence = true)]
            [Lstm(64)]
            [Dense(10)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task SequenceTitleNamesStepsAndFeatures()
    {
        var titles = await CodeFixRunner.OfferedTitlesAsync(new DeclareSequenceInputCodeFixProvider(), "NG0032", """
            using NetGen;

            [Network]
            [Input(20, 3)]
            [Gru(8)]
            [Dense(1)]
            public partial class Net;
            """);

        Assert.Equal(new[] { "Declare the input as a sequence of 20 steps of 3 features" }, titles);
    }

    [Fact]
    public async Task IsNotOfferedWhenAVectorLayerFeedsTheRecurrentLayer()
    {
        var titles = await CodeFixRunner.OfferedTitlesAsync(new DeclareSequenceInputCodeFixProvider(), "NG0032", """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [Lstm(8)]
            [Gru(8)]
            [Dense(1)]
            public partial class Net;
            """);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task ReturnsOnlyTheLastStepOfTheRecurrentLayerBelow()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new SequenceIntoVectorCodeFixProvider(), "NG0033", """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [Gru(16, ReturnSequences = true)]
            [Dense(1)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [Gru(16)]
            [Dense(1)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task OffersTheLastStepThePerStepLayerAndAFlattenForADenseLayer()
    {
        var titles = await CodeFixRunner.OfferedTitlesAsync(new SequenceIntoVectorCodeFixProvider(), "NG0033", """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [SimpleRnn(16, Name = "Encoder", ReturnSequences = true)]
            [Dense(1)]
            public partial class Net;
            """);

        Assert.Equal(new[] { "Return only the last step of the layer below", "Apply the dense layer at every step", "Insert [Flatten] before the layer" }, titles);
    }

    [Fact]
    public async Task AppliesTheDenseLayerAtEveryStep()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new SequenceIntoVectorCodeFixProvider(), "NG0033", """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [Dropout(0.1)]
            [Dense(1, Activation = Activation.Tanh)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [Dropout(0.1)]
            [Dense(1, Activation = Activation.Tanh, PerStep = true)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task OffersOnlyAFlattenForAnRbfLayerAfterASequenceInput()
    {
        var titles = await CodeFixRunner.OfferedTitlesAsync(new SequenceIntoVectorCodeFixProvider(), "NG0033", """
            using NetGen;

            [Network]
            [Input(20, 3, Sequence = true)]
            [Rbf(4)]
            [Dense(1)]
            public partial class Net;
            """);

        Assert.Equal(new[] { "Insert [Flatten] before the layer" }, titles);
    }
}

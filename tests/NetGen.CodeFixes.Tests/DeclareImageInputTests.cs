using System.Threading.Tasks;
using NetGen.CodeFixes.Tests.Infrastructure;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0016: a square vector input read by a convolution or pooling layer is declared as a one-channel image.</summary>
public sealed class DeclareImageInputTests
{
    [Fact]
    public async Task DeclaresASquareVectorInputAsAOneChannelImage()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new DeclareImageInputCodeFixProvider(), "NG0016", """
            using NetGen;

            namespace Demo;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(784)]
            [Conv2D(6, Kernel = 5, Activation = Activation.ReLU)]
            [MaxPool2D(2)]
            [Flatten]
            [Dense(10)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            namespace Demo;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(1, 28, 28)]
            [Conv2D(6, Kernel = 5, Activation = Activation.ReLU)]
            [MaxPool2D(2)]
            [Flatten]
            [Dense(10)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task TitleNamesTheImageShape()
    {
        var titles = await CodeFixRunner.OfferedTitlesAsync(new DeclareImageInputCodeFixProvider(), "NG0016", """
            using NetGen;

            [Network]
            [Input(784)]
            [MaxPool2D(2)]
            [Flatten]
            [Dense(1)]
            public partial class Net;
            """);

        Assert.Equal(new[] { "Declare the input as 1×28×28" }, titles);
    }

    [Fact]
    public async Task IsNotOfferedForASizeThatIsNotASquare()
    {
        var titles = await CodeFixRunner.OfferedTitlesAsync(new DeclareImageInputCodeFixProvider(), "NG0016", """
            using NetGen;

            [Network]
            [Input(785)]
            [Conv2D(6, Kernel = 5)]
            [Flatten]
            [Dense(10)]
            public partial class Net;
            """);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task IsNotOfferedWhenAnotherLayerProducesTheVector()
    {
        var titles = await CodeFixRunner.OfferedTitlesAsync(new DeclareImageInputCodeFixProvider(), "NG0016", """
            using NetGen;

            [Network]
            [Input(784)]
            [Dense(100)]
            [Conv2D(6, Kernel = 5)]
            [Flatten]
            [Dense(10)]
            public partial class Net;
            """);

        Assert.Empty(titles);
    }
}

using System.Threading.Tasks;
using NetGen.CodeFixes.Tests.Infrastructure;

namespace NetGen.CodeFixes.Tests;

/// <summary>NG0010: [Flatten] goes immediately before the dense or maxout layer, laid out like the attributes around it.</summary>
public sealed class InsertFlattenTests
{
    [Fact]
    public async Task InsertsFlattenAsItsOwnListOnTheLineAbove()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new InsertFlattenCodeFixProvider(), "NG0010", """
            using NetGen;

            namespace Demo;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(1, 28, 28)]
            // The classifier.
            [Dense(10)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            namespace Demo;

            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(1, 28, 28)]
            [Flatten]
            // The classifier.
            [Dense(10)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task InsertsFlattenBeforeAMaxoutLayer()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new InsertFlattenCodeFixProvider(), "NG0010", """
            using NetGen;

            [Network]
            [Input(2, 4, 4)]
            [Maxout(8, 2)]
            [Dense(1)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            [Network]
            [Input(2, 4, 4)]
            [Flatten]
            [Maxout(8, 2)]
            [Dense(1)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task InsertsFlattenBeforeAnRbfLayerSpelledAsItIs()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new InsertFlattenCodeFixProvider(), "NG0010", """
            using NetGen;

            [Network]
            [Input(2, 4, 4)]
            [NetGen.RbfAttribute(8)]
            [Dense(1)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            [Network]
            [Input(2, 4, 4)]
            [NetGen.FlattenAttribute]
            [NetGen.RbfAttribute(8)]
            [Dense(1)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task InsertsFlattenOnTheSameLineWhenTheAttributesShareOne()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new InsertFlattenCodeFixProvider(), "NG0010", """
            using NetGen;

            [Network] [Input(4, 4)] [NetGen.Dense(1)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            [Network] [Input(4, 4)] [NetGen.Flatten] [NetGen.Dense(1)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task InsertsFlattenInsideTheListThatHoldsTheDenseLayer()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new InsertFlattenCodeFixProvider(), "NG0010", """
            using NetGen;

            [Network]
            [Input(2, 3, 3), Conv2D(4, Kernel = 3), Dense(1)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            [Network]
            [Input(2, 3, 3), Conv2D(4, Kernel = 3), Flatten, Dense(1)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task InsertsFlattenFirstInTheListWhenTheDenseLayerOpensIt()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new InsertFlattenCodeFixProvider(), "NG0010", """
            using NetGen;

            [Network]
            [Input(1, 2, 2)]
            [DenseAttribute(4), DenseAttribute(1)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;

            [Network]
            [Input(1, 2, 2)]
            [FlattenAttribute, DenseAttribute(4), DenseAttribute(1)]
            public partial class Net;
            """);
    }

    [Fact]
    public async Task SpellsFlattenInFullWhenTheDenseLayerIsNamedThroughAnAlias()
    {
        var fixedSources = await CodeFixRunner.ApplyFirstFixAsync(new InsertFlattenCodeFixProvider(), "NG0010", """
            using NetGen;
            using FullyConnected = NetGen.DenseAttribute;

            [Network]
            [Input(3, 3)]
            [FullyConnected(1)]
            public partial class Net;
            """);

        FixedSources.AssertFixedTo(fixedSources, """
            using NetGen;
            using FullyConnected = NetGen.DenseAttribute;

            [Network]
            [Input(3, 3)]
            [global::NetGen.Flatten]
            [FullyConnected(1)]
            public partial class Net;
            """);
    }
}

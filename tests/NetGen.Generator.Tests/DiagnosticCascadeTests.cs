using System.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// After a layer's shape could not be inferred (an error says why), the layers above it report nothing about the shape
/// inference had to invent: one mistake, one diagnostic.
/// </summary>
public sealed class DiagnosticCascadeTests
{
    [Fact]
    public void PoolingAVectorReportsOnlyNG0016()
    {
        DiagnosticTests.AssertSingleError("NG0016", """
            using NetGen;

            [Network]
            [Input(64)]
            [[|MaxPool2D(2)|]]
            [Dense(1)]
            public partial class PooledVectorNet;
            """, "MaxPool2D 'MaxPool2D1'", "'Input' produces 64");
    }

    [Theory]
    [InlineData("NG0016", "[Input(64)] [Conv2D(2)] [Reshape(5)] [Dense(1)]")]
    [InlineData("NG0017", "[Input(1, 4, 4)] [Conv2D(2, Kernel = 7)] [Reshape(9)] [Dense(1)]")]
    [InlineData("NG0017", "[Input(1, 4, 4)] [MaxPool2D(5)] [Dense(1)]")]
    [InlineData("NG0020", "[Input(1, 8, 8)] [MaxPool2D(2, Padding = 3)] [Reshape(7)] [Dense(1)]")]
    [InlineData("NG0006", "[Input(1, 8, 8)] [Conv2D(2, Kernel = 0)] [Reshape(25)] [Dense(1)]")]
    [InlineData("NG0006", "[Input(2)] [Dense(0)] [Reshape(4)] [Dense(1)]")]
    [InlineData("NG0006", "[Input(0)] [Reshape(4)] [Dense(3)]")]
    [InlineData("NG0004", "[Conv2D(2)] [Flatten] [Dense(1)]")]
    public void AShapeErrorIsReportedOnce(string id, string layers)
    {
        var run = GeneratorHarness.Run("using NetGen;\n[Network]\n" + layers + "\npublic partial class CascadeNet;");

        Assert.Equal(new[] { id }, run.NetGenDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void ALossCheckDoesNotJudgeAnInventedOutput()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(4)]
            [Dense(0)]
            public partial class ZeroClassNet;
            """);

        Assert.Equal(new[] { "NG0006" }, run.NetGenDiagnostics.Select(diagnostic => diagnostic.Id));
    }

    [Fact]
    public void ErrorsThatLeaveTheShapeKnownStillLetLaterShapeChecksRun()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            [Network]
            [Input(1, 8, 8)]
            [Conv2D(2, Activation = Activation.Softmax)]
            [Dense(1)]
            public partial class SoftmaxConvNet;
            """);

        Assert.Equal(new[] { "NG0019", "NG0010" }, run.NetGenDiagnostics.Select(diagnostic => diagnostic.Id));
    }
}

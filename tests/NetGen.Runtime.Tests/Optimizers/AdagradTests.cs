using System;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

public sealed class AdagradTests
{
    [Theory]
    [InlineData(1e-10f)]
    [InlineData(0.3f)] // large enough to tell ε outside the square root from ε inside it
    public void FirstThreeSteps_FollowTheFormula(float epsilon)
    {
        const float learningRate = 0.05f;
        var sumOfSquares = new double[Length];
        AssertMatchesReferenceForThreeSteps(new Adagrad(learningRate, epsilon), (theta, g, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                sumOfSquares[i] += g[i] * g[i];
                theta[i] -= learningRate * g[i] / (Math.Sqrt(sumOfSquares[i]) + epsilon);
            }
        });
    }

    [Fact]
    public void Defaults_MatchPyTorch()
    {
        var optimizer = new Adagrad();

        Assert.Equal(0.01f, optimizer.LearningRate);
        Assert.Equal(1e-10f, optimizer.Epsilon);
        Assert.Equal("Adagrad(lr=0.01, ε=1e-10)", optimizer.ToString());
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1e-8f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Constructor_RejectsBadEpsilon(float epsilon)
    {
        Assert.Throws<ArgumentOutOfRangeException>("epsilon", () => new Adagrad(epsilon: epsilon));
    }

    [Fact]
    public void Constructor_RejectsBadLearningRate()
    {
        Assert.Throws<ArgumentOutOfRangeException>("learningRate", () => new Adagrad(learningRate: -0.01f));
    }
}

using System;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

public sealed class AdaDeltaTests
{
    [Theory]
    [InlineData(0.5f, 0.8f, 1e-3f)]
    [InlineData(1.0f, 0.9f, 1e-6f)]
    public void FirstThreeSteps_FollowTheFormula(float learningRate, float rho, float epsilon)
    {
        var meanSquaredGradient = new double[Length];
        var meanSquaredDelta = new double[Length];
        AssertMatchesReferenceForThreeSteps(new AdaDelta(learningRate, rho, epsilon), (theta, g, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                meanSquaredGradient[i] = rho * meanSquaredGradient[i] + (1 - rho) * g[i] * g[i];
                double delta = Math.Sqrt(meanSquaredDelta[i] + epsilon) / Math.Sqrt(meanSquaredGradient[i] + epsilon) * g[i];
                meanSquaredDelta[i] = rho * meanSquaredDelta[i] + (1 - rho) * delta * delta;
                theta[i] -= learningRate * delta;
            }
        });
    }

    [Fact]
    public void Defaults_MatchPyTorch()
    {
        var optimizer = new AdaDelta();

        Assert.Equal(1.0f, optimizer.LearningRate);
        Assert.Equal(0.9f, optimizer.Rho);
        Assert.Equal(1e-6f, optimizer.Epsilon);
        Assert.Equal("AdaDelta(lr=1, ρ=0.9, ε=1e-06)", optimizer.ToString());
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1f)]
    [InlineData(float.NaN)]
    public void Constructor_RejectsRhoOutsideUnitInterval(float rho)
    {
        Assert.Throws<ArgumentOutOfRangeException>("rho", () => new AdaDelta(rho: rho));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.PositiveInfinity)]
    public void Constructor_RejectsBadEpsilon(float epsilon)
    {
        Assert.Throws<ArgumentOutOfRangeException>("epsilon", () => new AdaDelta(epsilon: epsilon));
    }
}

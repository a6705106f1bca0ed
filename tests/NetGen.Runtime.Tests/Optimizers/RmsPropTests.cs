using System;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

public sealed class RmsPropTests
{
    [Theory]
    [InlineData(1e-8f)]
    [InlineData(0.3f)] // large enough to tell ε outside the square root from ε inside it
    public void FirstThreeSteps_FollowTheFormula(float epsilon)
    {
        const float learningRate = 0.01f, rho = 0.8f;
        var meanSquaredGradient = new double[Length];
        AssertMatchesReferenceForThreeSteps(new RmsProp(learningRate, rho, epsilon), (theta, g, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                meanSquaredGradient[i] = rho * meanSquaredGradient[i] + (1 - rho) * g[i] * g[i];
                theta[i] -= learningRate * g[i] / (Math.Sqrt(meanSquaredGradient[i]) + epsilon);
            }
        });
    }

    [Fact]
    public void Defaults_AreTheUsualOnes()
    {
        var optimizer = new RmsProp();

        Assert.Equal(0.001f, optimizer.LearningRate);
        Assert.Equal(0.9f, optimizer.Rho);
        Assert.Equal(1e-8f, optimizer.Epsilon);
        Assert.Equal("RmsProp(lr=0.001, ρ=0.9, ε=1e-08)", optimizer.ToString());
    }

    [Theory]
    [InlineData(-0.5f)]
    [InlineData(1f)]
    [InlineData(float.NaN)]
    public void Constructor_RejectsRhoOutsideUnitInterval(float rho)
    {
        Assert.Throws<ArgumentOutOfRangeException>("rho", () => new RmsProp(rho: rho));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(float.NaN)]
    public void Constructor_RejectsBadEpsilon(float epsilon)
    {
        Assert.Throws<ArgumentOutOfRangeException>("epsilon", () => new RmsProp(epsilon: epsilon));
    }
}

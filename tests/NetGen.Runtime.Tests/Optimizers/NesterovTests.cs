using System;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

public sealed class NesterovTests
{
    [Fact]
    public void FirstThreeSteps_FollowTheFormula()
    {
        const float learningRate = 0.003f, momentum = 0.7f;
        var velocity = new double[Length];
        AssertMatchesReferenceForThreeSteps(new Nesterov(learningRate, momentum), (theta, g, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                velocity[i] = momentum * velocity[i] + g[i];
                theta[i] -= learningRate * (g[i] + momentum * velocity[i]);
            }
        });
    }

    [Fact]
    public void Defaults_MatchPyTorchUsage()
    {
        var optimizer = new Nesterov();

        Assert.Equal(0.01f, optimizer.LearningRate);
        Assert.Equal(0.9f, optimizer.MomentumFactor);
        Assert.Equal("Nesterov(lr=0.01, μ=0.9)", optimizer.ToString());
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1f)]
    [InlineData(float.NaN)]
    public void Constructor_RejectsMomentumOutsideUnitInterval(float momentum)
    {
        Assert.Throws<ArgumentOutOfRangeException>("momentum", () => new Nesterov(momentum: momentum));
    }

    [Fact]
    public void Constructor_RejectsBadLearningRate()
    {
        Assert.Throws<ArgumentOutOfRangeException>("learningRate", () => new Nesterov(learningRate: float.NaN));
    }
}

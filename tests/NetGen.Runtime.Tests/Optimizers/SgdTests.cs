using System;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

public sealed class SgdTests
{
    [Fact]
    public void FirstThreeSteps_FollowTheFormula()
    {
        const float learningRate = 0.004f;
        AssertMatchesReferenceForThreeSteps(new Sgd(learningRate), (theta, g, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] -= learningRate * g[i];
            }
        });
    }

    [Fact]
    public void Defaults_MatchPyTorch()
    {
        var sgd = new Sgd();

        Assert.Equal(0.01f, sgd.LearningRate);
        Assert.Equal(0f, sgd.WeightDecay);
        Assert.Equal("Sgd(lr=0.01)", sgd.ToString());
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-0.1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Constructor_RejectsBadLearningRate(float learningRate)
    {
        Assert.Throws<ArgumentOutOfRangeException>("learningRate", () => new Sgd(learningRate));
    }
}

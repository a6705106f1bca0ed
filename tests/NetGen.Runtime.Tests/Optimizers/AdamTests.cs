using System;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

public sealed class AdamTests
{
    [Theory]
    [InlineData(1e-8f)]
    [InlineData(0.3f)] // large enough to tell ε added to √v̂ from ε added to √v
    public void FirstThreeSteps_FollowTheFormula(float epsilon)
    {
        const float learningRate = 0.05f, beta1 = 0.8f, beta2 = 0.99f;
        var adam = new Adam(learningRate, beta1, beta2, epsilon);

        AssertMatchesReferenceForThreeSteps(adam, AdamReference(learningRate, beta1, beta2, epsilon, l2WeightDecay: 0));
    }

    [Fact]
    public void WeightDecay_IsClassicL2AddedToTheGradient()
    {
        const float learningRate = 0.05f, beta1 = 0.8f, beta2 = 0.99f, epsilon = 1e-8f, weightDecay = 20f;
        var adam = new Adam(learningRate, beta1, beta2, epsilon) { WeightDecay = weightDecay };

        AssertMatchesReferenceForThreeSteps(adam, AdamReference(learningRate, beta1, beta2, epsilon, weightDecay));
    }

    [Fact]
    public void Defaults_MatchPyTorch()
    {
        var adam = new Adam();

        Assert.Equal(0.001f, adam.LearningRate);
        Assert.Equal(0.9f, adam.Beta1);
        Assert.Equal(0.999f, adam.Beta2);
        Assert.Equal(1e-8f, adam.Epsilon);
        Assert.Equal(0f, adam.WeightDecay);
        Assert.Equal("Adam(lr=0.001, β1=0.9, β2=0.999, ε=1e-08)", adam.ToString());
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1f)]
    [InlineData(float.NaN)]
    public void Constructor_RejectsBetasOutsideUnitInterval(float beta)
    {
        Assert.Throws<ArgumentOutOfRangeException>("beta1", () => new Adam(beta1: beta));
        Assert.Throws<ArgumentOutOfRangeException>("beta2", () => new Adam(beta2: beta));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1e-8f)]
    [InlineData(float.PositiveInfinity)]
    public void Constructor_RejectsBadEpsilon(float epsilon)
    {
        Assert.Throws<ArgumentOutOfRangeException>("epsilon", () => new Adam(epsilon: epsilon));
    }

    /// <summary>
    /// Adam with L2 decay straight from the definition: bias-corrected moments, no folding.
    /// The returned step keeps m and v between calls.
    /// </summary>
    internal static Action<double[], double[], int> AdamReference(
        double learningRate, double beta1, double beta2, double epsilon, double l2WeightDecay)
    {
        var firstMoment = new double[Length];
        var secondMoment = new double[Length];
        return (theta, gradients, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                double g = gradients[i] + l2WeightDecay * theta[i];
                firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * g;
                secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * g * g;
                double correctedFirst = firstMoment[i] / (1 - Math.Pow(beta1, t));
                double correctedSecond = secondMoment[i] / (1 - Math.Pow(beta2, t));
                theta[i] -= learningRate * correctedFirst / (Math.Sqrt(correctedSecond) + epsilon);
            }
        };
    }
}

using System;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

public sealed class AdamWTests
{
    [Fact]
    public void FirstThreeSteps_DecayDecoupledThenAdam()
    {
        const float learningRate = 0.05f, beta1 = 0.8f, beta2 = 0.99f, epsilon = 1e-8f, weightDecay = 0.5f;
        var adamW = new AdamW(learningRate, beta1, beta2, epsilon) { WeightDecay = weightDecay };
        Action<double[], double[], int> adamStep = AdamTests.AdamReference(learningRate, beta1, beta2, epsilon, l2WeightDecay: 0);

        AssertMatchesReferenceForThreeSteps(adamW, (theta, g, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] -= learningRate * weightDecay * theta[i];
            }

            adamStep(theta, g, t);
        });
    }

    [Fact]
    public void WithoutWeightDecay_EqualsAdamExactly()
    {
        var adamW = new AdamW(0.05f, 0.8f, 0.99f) { WeightDecay = 0f };
        var adam = new Adam(0.05f, 0.8f, 0.99f);
        float[] adamWParameters = InitialParameters();
        float[] adamParameters = InitialParameters();

        foreach (float[] gradients in GradientSequence())
        {
            adamW.Step(adamWParameters, gradients);
            adam.Step(adamParameters, gradients);
        }

        Assert.Equal(adamParameters, adamWParameters);
    }

    [Fact]
    public void Defaults_MatchPyTorch()
    {
        var adamW = new AdamW();

        Assert.Equal(0.001f, adamW.LearningRate);
        Assert.Equal(0.9f, adamW.Beta1);
        Assert.Equal(0.999f, adamW.Beta2);
        Assert.Equal(1e-8f, adamW.Epsilon);
        Assert.Equal(0.01f, adamW.WeightDecay);
        Assert.Equal("AdamW(lr=0.001, β1=0.9, β2=0.999, ε=1e-08, weight_decay=0.01)", adamW.ToString());
    }

    [Fact]
    public void Constructor_RejectsBadHyperParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>("learningRate", () => new AdamW(learningRate: 0f));
        Assert.Throws<ArgumentOutOfRangeException>("beta1", () => new AdamW(beta1: 1f));
        Assert.Throws<ArgumentOutOfRangeException>("beta2", () => new AdamW(beta2: -0.5f));
        Assert.Throws<ArgumentOutOfRangeException>("epsilon", () => new AdamW(epsilon: 0f));
        Assert.Throws<ArgumentOutOfRangeException>("WeightDecay", () => new AdamW { WeightDecay = -0.01f });
    }
}

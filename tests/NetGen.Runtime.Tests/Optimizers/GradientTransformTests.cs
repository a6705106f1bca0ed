using System;
using System.Linq;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

/// <summary>Weight decay and gradient clipping, checked against their definitions.</summary>
public sealed class GradientTransformTests
{
    private const float LearningRate = 0.004f;

    [Fact]
    public void ClipNorm_AboveThreshold_ScalesEveryGradientToTheThreshold()
    {
        float[] gradients = GradientSequence()[0];
        float clipNorm = (float)(Norm(gradients) / 4);
        var sgd = new Sgd(LearningRate) { ClipNorm = clipNorm };
        float[] parameters = InitialParameters();

        sgd.Step(parameters, gradients);

        double scale = clipNorm / Norm(gradients);
        double[] expected = InitialParameters().Select((theta, i) => theta - LearningRate * scale * gradients[i]).ToArray();
        AssertClose(expected, parameters, "clipped step");
    }

    [Fact]
    public void ClipNorm_BelowThreshold_LeavesGradientsExactlyAsTheyAre()
    {
        float[] gradients = GradientSequence()[0];
        var clipped = new Sgd(LearningRate) { ClipNorm = (float)(Norm(gradients) * 1.01) };
        var unclipped = new Sgd(LearningRate);
        float[] clippedParameters = InitialParameters();
        float[] unclippedParameters = InitialParameters();

        clipped.Step(clippedParameters, gradients);
        unclipped.Step(unclippedParameters, gradients);

        Assert.Equal(unclippedParameters, clippedParameters);
        double[] expected = InitialParameters().Select((theta, i) => theta - (double)LearningRate * gradients[i]).ToArray();
        AssertClose(expected, clippedParameters, "unclipped step");
    }

    [Fact]
    public void ClipNorm_CountsTheScalarTailInTheNorm()
    {
        // All the norm sits in the last element, which the vector loop of the norm pass never sees.
        var gradients = new float[Length];
        gradients[Length - 1] = 10f;
        var sgd = new Sgd(1f) { ClipNorm = 2f };
        var parameters = new float[Length];

        sgd.Step(parameters, gradients);

        Assert.Equal(-2f, parameters[Length - 1], 1e-6f);
    }

    [Fact]
    public void ClipValue_ClampsEachGradientElement()
    {
        const float clipValue = 0.5f;
        float[] gradients = GradientSequence()[0];
        Assert.Contains(gradients, g => g > clipValue);
        Assert.Contains(gradients, g => g < -clipValue);
        Assert.Contains(gradients, g => Math.Abs(g) < clipValue);
        var sgd = new Sgd(LearningRate) { ClipValue = clipValue };
        float[] parameters = InitialParameters();

        sgd.Step(parameters, gradients);

        double[] expected = InitialParameters()
            .Select((theta, i) => theta - (double)LearningRate * Math.Clamp(gradients[i], -clipValue, clipValue))
            .ToArray();
        AssertClose(expected, parameters, "value-clipped step");
    }

    [Fact]
    public void WeightDecay_IsL2AddedToTheGradientOfAClassicOptimizer()
    {
        const float learningRate = 0.003f, momentum = 0.8f, weightDecay = 5f;
        var velocity = new double[Length];
        var optimizer = new Momentum(learningRate, momentum) { WeightDecay = weightDecay };

        AssertMatchesReferenceForThreeSteps(optimizer, (theta, g, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                velocity[i] = momentum * velocity[i] + g[i] + weightDecay * theta[i];
                theta[i] -= learningRate * velocity[i];
            }
        });
    }

    [Fact]
    public void AllOptions_ApplyNormClipThenValueClipThenWeightDecay()
    {
        const float learningRate = 0.01f, momentum = 0.8f, weightDecay = 2f;
        float[][] gradientSequence = GradientSequence();
        float clipNorm = (float)(Norm(gradientSequence[0]) / 3);
        float clipValue = clipNorm / 20;
        var velocity = new double[Length];
        var optimizer = new Nesterov(learningRate, momentum)
        {
            WeightDecay = weightDecay,
            ClipNorm = clipNorm,
            ClipValue = clipValue,
        };

        AssertMatchesReferenceForThreeSteps(optimizer, (theta, gradients, t) =>
        {
            double[] g = TransformGradient(gradients, theta, clipNorm, clipValue, weightDecay);
            for (int i = 0; i < theta.Length; i++)
            {
                velocity[i] = momentum * velocity[i] + g[i];
                theta[i] -= learningRate * (g[i] + momentum * velocity[i]);
            }
        });
    }

    [Fact]
    public void ClippingOptions_RejectNegativeAndNonFiniteValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>("ClipNorm", () => new Sgd { ClipNorm = -1f });
        Assert.Throws<ArgumentOutOfRangeException>("ClipNorm", () => new Sgd { ClipNorm = float.NaN });
        Assert.Throws<ArgumentOutOfRangeException>("ClipValue", () => new Sgd { ClipValue = -0.5f });
        Assert.Throws<ArgumentOutOfRangeException>("ClipValue", () => new Sgd { ClipValue = float.PositiveInfinity });
        Assert.Throws<ArgumentOutOfRangeException>("WeightDecay", () => new Momentum { WeightDecay = -1e-4f });
        Assert.Throws<ArgumentOutOfRangeException>("WeightDecay", () => new Momentum { WeightDecay = float.NaN });
    }
}

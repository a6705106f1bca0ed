using System;
using System.Linq;
using NetGen.Optimizers;
using static NetGen.Tests.Optimizers.OptimizerTestData;

namespace NetGen.Tests.Optimizers;

/// <summary>Weight decay, L1 decay and gradient clipping, checked against their definitions.</summary>
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
    public void L1Decay_AddsLambdaTimesTheSignOfEachParameter_AndNothingForAZeroParameter()
    {
        const float learningRate = 0.01f, l1Decay = 0.3f;
        float[] gradients = GradientSequence()[0];
        float[] parameters = InitialParameters();
        // Zeros of both signs in the vector body and in the scalar tail, one of them with a zero gradient.
        foreach (int i in new[] { 3, 10, Length - 2, Length - 1 })
        {
            parameters[i] = i % 2 == 0 ? 0f : -0f;
        }

        gradients[Length - 1] = 0f;
        double[] before = Array.ConvertAll(parameters, value => (double)value);
        var sgd = new Sgd(learningRate) { L1Decay = l1Decay };

        sgd.Step(parameters, gradients);

        double[] expected = before.Select((theta, i) => theta - learningRate * (gradients[i] + l1Decay * Math.Sign(theta))).ToArray();
        AssertClose(expected, parameters, "L1 step");
        Assert.Equal(0f, parameters[Length - 1]);
        Assert.Equal(before[0] - (learningRate * (gradients[0] + l1Decay)), parameters[0], 1e-6);
        Assert.Equal(before[1] - (learningRate * (gradients[1] - l1Decay)), parameters[1], 1e-6);
    }

    [Fact]
    public void L1Decay_AppliesToAdamWBesideItsDecoupledL2Decay()
    {
        const double learningRate = 0.01, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weightDecay = 0.2, l1Decay = 0.05;
        var m = new double[Length];
        var v = new double[Length];
        var adamW = new AdamW((float)learningRate) { WeightDecay = (float)weightDecay, L1Decay = (float)l1Decay };

        AssertMatchesReferenceForThreeSteps(adamW, (theta, gradients, t) =>
        {
            for (int i = 0; i < theta.Length; i++)
            {
                double g = gradients[i] + l1Decay * Math.Sign(theta[i]);
                theta[i] *= 1 - learningRate * weightDecay;
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - Math.Pow(beta1, t));
                double vHat = v[i] / (1 - Math.Pow(beta2, t));
                theta[i] -= learningRate * mHat / (Math.Sqrt(vHat) + epsilon);
            }
        });
    }

    [Fact]
    public void AllOptions_ApplyNormClipThenValueClipThenL2AndL1Decay()
    {
        const float learningRate = 0.01f, momentum = 0.8f, weightDecay = 2f, l1Decay = 0.4f;
        float[][] gradientSequence = GradientSequence();
        float clipNorm = (float)(Norm(gradientSequence[0]) / 3);
        float clipValue = clipNorm / 20;
        var velocity = new double[Length];
        var optimizer = new Nesterov(learningRate, momentum)
        {
            WeightDecay = weightDecay,
            L1Decay = l1Decay,
            ClipNorm = clipNorm,
            ClipValue = clipValue,
        };

        AssertMatchesReferenceForThreeSteps(optimizer, (theta, gradients, t) =>
        {
            double[] g = TransformGradient(gradients, theta, clipNorm, clipValue, weightDecay, l1Decay);
            for (int i = 0; i < theta.Length; i++)
            {
                velocity[i] = momentum * velocity[i] + g[i];
                theta[i] -= learningRate * (g[i] + momentum * velocity[i]);
            }
        });
    }

    [Fact]
    public void WeightDecay_AddsLambdaThetaWithOneRounding_AsPyTorchDoes()
    {
        // g ≈ −λθ: g + λθ rounded twice is −8.643838e-9, rounded once −8.631428e-9, and Adam's normalised first step
        // turns that 0.14 % into 0.3 % of θ (0.0012455021). PyTorch (torch.optim.Adam, weight_decay=0.1) gives 0.0012419301;
        // what remains is Adam's own float arithmetic, a few ulps.
        const float theta = -0.0033907949f, gradient = 0.00033907086f;
        var adam = new Adam(0.01f) { WeightDecay = 0.1f };
        // One copy in the vector body, one in the scalar tail.
        var parameters = Enumerable.Repeat(theta, Length).ToArray();
        var gradients = Enumerable.Repeat(gradient, Length).ToArray();

        adam.Step(parameters, gradients);

        Assert.Equal(0.0012419301f, parameters[0], 1e-9f);
        Assert.Equal(0.0012419301f, parameters[Length - 1], 1e-9f);
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
        Assert.Throws<ArgumentOutOfRangeException>("L1Decay", () => new Adam { L1Decay = -1e-5f });
        Assert.Throws<ArgumentOutOfRangeException>("L1Decay", () => new AdamW { L1Decay = float.PositiveInfinity });
    }
}

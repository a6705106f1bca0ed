using System;
using NetGen.Optimizers;

namespace NetGen.Tests.Optimizers;

/// <summary>Fixed inputs, a reference-comparison harness and a factory shared by the optimizer tests.</summary>
internal static class OptimizerTestData
{
    /// <summary>Long enough for several vector iterations plus a scalar tail (37 = 4·8 + 5 = 2·16 + 5).</summary>
    public const int Length = 37;

    public const double RelativeTolerance = 1e-5;

    /// <summary>Non-zero, mixed signs, magnitudes 0.05 to 1.13.</summary>
    public static float[] InitialParameters()
    {
        var parameters = new float[Length];
        for (int i = 0; i < Length; i++)
        {
            parameters[i] = (i % 2 == 0 ? 1f : -1f) * (0.05f + 0.03f * i);
        }

        return parameters;
    }

    /// <summary>Three gradient vectors with mixed signs and magnitudes from 0.01 to about 160.</summary>
    public static float[][] GradientSequence()
    {
        var sequence = new float[3][];
        for (int step = 0; step < sequence.Length; step++)
        {
            var gradients = new float[Length];
            for (int i = 0; i < Length; i++)
            {
                float sign = (i * 7 + step * 3) % 3 == 0 ? -1f : 1f;
                float magnitude = MathF.Pow(10f, i % 5 - 2) * (1f + 0.1f * ((i + 2 * step) % 7));
                gradients[i] = sign * magnitude;
            }

            sequence[step] = gradients;
        }

        return sequence;
    }

    /// <summary>
    /// Runs <paramref name="optimizer"/> for three steps on <see cref="GradientSequence"/> from
    /// <see cref="InitialParameters"/> and, after each step, compares every parameter with
    /// <paramref name="referenceStep"/>(θ, g, t), which updates θ in place in double precision.
    /// </summary>
    public static void AssertMatchesReferenceForThreeSteps(Optimizer optimizer, Action<double[], double[], int> referenceStep)
    {
        float[] parameters = InitialParameters();
        double[] expected = Array.ConvertAll(parameters, value => (double)value);
        float[][] gradientSequence = GradientSequence();
        for (int step = 1; step <= gradientSequence.Length; step++)
        {
            float[] gradients = gradientSequence[step - 1];
            float[] before = (float[])parameters.Clone();
            optimizer.Step(parameters, gradients);
            referenceStep(expected, Array.ConvertAll(gradients, value => (double)value), step);

            Assert.Equal(step, optimizer.StepCount);
            Assert.NotEqual(before, parameters);
            AssertClose(expected, parameters, $"step {step}");
        }
    }

    public static void AssertClose(double[] expected, float[] actual, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = RelativeTolerance * Math.Abs(expected[i]) + 1e-7;
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(
                error <= tolerance,
                $"{context}, element {i}: expected {expected[i]:R}, actual {actual[i]:R} (error {error:E2}, tolerance {tolerance:E2})");
        }
    }

    /// <summary>The gradient transform the optimizers apply, straight from its definition, in double.</summary>
    public static double[] TransformGradient(
        double[] gradients, double[] parameters, double clipNorm, double clipValue, double l2WeightDecay, double l1Decay = 0)
    {
        double scale = 1;
        if (clipNorm > 0)
        {
            double sumOfSquares = 0;
            foreach (double g in gradients)
            {
                sumOfSquares += g * g;
            }

            double norm = Math.Sqrt(sumOfSquares);
            if (norm > clipNorm)
            {
                scale = clipNorm / norm;
            }
        }

        var transformed = new double[gradients.Length];
        for (int i = 0; i < gradients.Length; i++)
        {
            double g = gradients[i] * scale;
            if (clipValue > 0)
            {
                g = Math.Clamp(g, -clipValue, clipValue);
            }

            transformed[i] = g + l2WeightDecay * parameters[i] + l1Decay * Math.Sign(parameters[i]);
        }

        return transformed;
    }

    public static double Norm(float[] values)
    {
        double sumOfSquares = 0;
        foreach (float value in values)
        {
            sumOfSquares += (double)value * value;
        }

        return Math.Sqrt(sumOfSquares);
    }

    public static readonly TheoryData<string> OptimizerNames = new()
    {
        "Sgd", "Momentum", "Nesterov", "Adagrad", "AdaDelta", "RmsProp", "Rprop", "Adam", "AdamW",
    };

    /// <summary>
    /// An optimizer with default hyper-parameters and the given decay and clipping options; <paramref name="weightDecay"/>
    /// null keeps each optimizer's default (0, or 0.01 for AdamW).
    /// </summary>
    public static Optimizer Create(string name, float? weightDecay = null, float clipNorm = 0f, float clipValue = 0f, float l1Decay = 0f) => name switch
    {
        "Sgd" => new Sgd { WeightDecay = weightDecay ?? 0f, L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue },
        "Momentum" => new Momentum { WeightDecay = weightDecay ?? 0f, L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue },
        "Nesterov" => new Nesterov { WeightDecay = weightDecay ?? 0f, L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue },
        "Adagrad" => new Adagrad { WeightDecay = weightDecay ?? 0f, L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue },
        "AdaDelta" => new AdaDelta { WeightDecay = weightDecay ?? 0f, L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue },
        "RmsProp" => new RmsProp { WeightDecay = weightDecay ?? 0f, L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue },
        "Rprop" => new Rprop { WeightDecay = weightDecay ?? 0f, L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue },
        "Adam" => new Adam { WeightDecay = weightDecay ?? 0f, L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue },
        "AdamW" => weightDecay is { } decay
            ? new AdamW { WeightDecay = decay, L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue }
            : new AdamW { L1Decay = l1Decay, ClipNorm = clipNorm, ClipValue = clipValue },
        _ => throw new ArgumentException($"Unknown optimizer {name}.", nameof(name)),
    };
}

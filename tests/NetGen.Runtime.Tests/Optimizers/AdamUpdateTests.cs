using System;
using NetGen.Cpu;
using NetGen.Optimizers;
using NetGen.Tests.Cpu;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Optimizers;

[Collection(WorkerPoolCollection.Name)]
public sealed class AdamUpdateTests
{
    // Large enough to be split over threads, and not a multiple of any vector width or part alignment.
    private const int Length = 100_003;

    [Fact]
    public void A_large_step_matches_the_formula_and_is_bit_identical_for_any_thread_count()
    {
        var gradients = GradientChecker.RandomArray(Length, seed: 3, -1f, 1f);
        var initial = GradientChecker.RandomArray(Length, seed: 4, -1f, 1f);
        var original = WorkerPool.MaxThreads;
        try
        {
            WorkerPool.MaxThreads = 1;
            var single = TwoSteps(initial, gradients);
            foreach (var threads in new[] { 2, 3, 8 })
            {
                WorkerPool.MaxThreads = threads;
                var multi = TwoSteps(initial, gradients);
                for (var i = 0; i < Length; i++)
                {
                    Assert.True(BitConverter.SingleToInt32Bits(single[i]) == BitConverter.SingleToInt32Bits(multi[i]),
                        $"{threads} threads: θ[{i}] = {multi[i]:R}, 1 thread gives {single[i]:R}");
                }
            }

            foreach (var i in new[] { 0, 1, 15, 16, 63, 64, 50_000, Length - 1 })
            {
                Assert.Equal(ReferenceTwoSteps(initial[i], gradients[i]), single[i], 6);
            }
        }
        finally
        {
            WorkerPool.MaxThreads = original;
        }
    }

    [Fact]
    public void Subnormal_moments_are_flushed_to_zero()
    {
        const float Subnormal = 1e-40f;
        Assert.True(float.IsSubnormal(Subnormal));
        float[] parameters = [0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f];
        var gradients = new float[parameters.Length];
        var firstMoments = new float[parameters.Length];
        var secondMoments = new float[parameters.Length];
        Array.Fill(firstMoments, Subnormal / 0.9f);
        Array.Fill(secondMoments, Subnormal / 0.999f);
        firstMoments[^1] = 1e-3f;
        var rule = new AdamRule(0.9f, 0.999f, epsilon: 1e-8f,
            new AdamStepScalars(StepSize: 1e-3f, InverseSqrtSecondCorrection: 1f, RetainedFraction: 1f));
        var transform = new GradientTransform(scale: 1f, clipBound: float.PositiveInfinity, l2WeightDecay: 0f, l1WeightDecay: 0f);

        new UpdateJob<AdamRule>().Update(rule, transform, parameters, gradients, firstMoments, secondMoments);

        // The vector lanes and the scalar tail alike; a normal moment is kept.
        for (var i = 0; i < parameters.Length - 1; i++)
        {
            Assert.Equal(0f, firstMoments[i]);
            Assert.Equal(0f, secondMoments[i]);
            Assert.Equal(0.5f, parameters[i]);
        }

        Assert.Equal(0.9f * 1e-3f, firstMoments[^1]);
    }

    private static float[] TwoSteps(float[] initial, float[] gradients)
    {
        var parameters = (float[])initial.Clone();
        var adam = new Adam(learningRate: 0.01f);
        adam.Step(parameters, gradients);
        adam.Step(parameters, gradients);
        return parameters;
    }

    // PyTorch's Adam in double precision, two steps with the same gradient.
    private static float ReferenceTwoSteps(float initial, float gradient)
    {
        double theta = initial, m = 0, v = 0;
        for (var t = 1; t <= 2; t++)
        {
            m = (0.9 * m) + (0.1 * gradient);
            v = (0.999 * v) + (0.001 * gradient * gradient);
            var mHat = m / (1 - Math.Pow(0.9, t));
            var vHat = v / (1 - Math.Pow(0.999, t));
            theta -= 0.01 * mHat / (Math.Sqrt(vHat) + 1e-8);
        }

        return (float)theta;
    }
}

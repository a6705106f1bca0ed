using System;
using System.Linq;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

/// <summary>
/// Batch normalisation of a layer large enough to be split over threads by channel: the same bits on any thread count,
/// and the numbers of a plain scalar reference summing in double, per channel and per feature.
/// </summary>
[Collection(WorkerPoolCollection.Name)]
public sealed class BatchNormThreadingTests
{
    private const int Batch = 37;

    public static TheoryData<int, int> Shapes => new()
    {
        { 7, 13 * 11 },   // channels of an image, 52,910 values: split over the threads
        { 3, 5 * 5 },     // a small image: on the calling thread
        { 21, 1 },        // a vector's features, in lanes across the features
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Results_are_bit_identical_for_any_thread_count_and_match_a_scalar_reference(int features, int positions)
    {
        var shape = new BatchNormShape(features, positions, Momentum: 0.1f, Epsilon: 1e-5f);
        var random = new Random(features * positions);
        var x = Random(Batch * shape.SampleSize, random, offset: 0.7f, scale: 2f);
        var delta = Random(Batch * shape.SampleSize, random, offset: 0f, scale: 1f);
        var gamma = Random(features, random, offset: 1f, scale: 0.5f);
        var beta = Random(features, random, offset: 0f, scale: 0.5f);
        var original = WorkerPool.MaxThreads;
        try
        {
            WorkerPool.MaxThreads = 1;
            var single = Run(x, delta, gamma, beta, shape);
            AssertClose(Reference(x, delta, gamma, beta, shape), single);
            foreach (var threads in new[] { 2, 3, 4 })
            {
                WorkerPool.MaxThreads = threads;
                var multi = Run(x, delta, gamma, beta, shape);
                for (var i = 0; i < single.Length; i++)
                {
                    Assert.True(single[i].SequenceEqual(multi[i]), $"{threads} threads: output {i} differs from one thread's");
                }
            }
        }
        finally
        {
            WorkerPool.MaxThreads = original;
        }
    }

    // Outputs: mean, rstd, running mean, running variance, x̂, a (ReLU), ∂L/∂γ, ∂L/∂β, ∂L/∂x.
    private static float[][] Run(float[] x, float[] delta, float[] gamma, float[] beta, BatchNormShape shape)
    {
        var (features, size) = (shape.Features, x.Length);
        float[] mean = new float[features], rstd = new float[features], runningMean = new float[features];
        var runningVariance = Enumerable.Repeat(1f, features).ToArray();
        float[] normalized = new float[size], z = new float[size], a = new float[size], dGamma = new float[features], dBeta = new float[features];
        var dx = new float[size];
        BatchNormKernels.Statistics(x, mean, rstd, runningMean, runningVariance, Batch, shape, training: true);
        BatchNormKernels.Forward(x, normalized, z, a, mean, rstd, gamma, beta, Batch, shape, default(ReluActivation));
        BatchNormKernels.ParameterGradients(delta, normalized, dGamma, dBeta, Batch, shape);
        BatchNormKernels.InputGradient(delta, normalized, gamma, rstd, dGamma, dBeta, dx, Batch, shape);
        return [mean, rstd, runningMean, runningVariance, normalized, a, dGamma, dBeta, dx];
    }

    private static float[][] Reference(float[] x, float[] delta, float[] gamma, float[] beta, BatchNormShape shape)
    {
        var (features, positions, size) = (shape.Features, shape.Positions, x.Length);
        var count = Batch * positions;
        float[] mean = new float[features], rstd = new float[features], runningMean = new float[features], runningVariance = new float[features];
        float[] normalized = new float[size], a = new float[size], dGamma = new float[features], dBeta = new float[features], dx = new float[size];
        int Index(int n, int c, int p) => (((n * features) + c) * positions) + p;
        for (var c = 0; c < features; c++)
        {
            double sum = 0, squares = 0, gammaSum = 0, betaSum = 0;
            Each(c, i => sum += x[i]);
            var mu = sum / count;
            Each(c, i => squares += (x[i] - mu) * (x[i] - mu));
            var r = 1.0 / Math.Sqrt((squares / count) + shape.Epsilon);
            (mean[c], rstd[c]) = ((float)mu, (float)r);
            runningMean[c] = 0.1f * (float)mu;
            runningVariance[c] = 0.9f + (0.1f * (float)(squares / (count - 1)));
            Each(c, i =>
            {
                normalized[i] = (float)((x[i] - mu) * r);
                a[i] = Math.Max(0f, (gamma[c] * normalized[i]) + beta[c]);
                betaSum += delta[i];
                gammaSum += (double)delta[i] * normalized[i];
            });
            (dGamma[c], dBeta[c]) = ((float)gammaSum, (float)betaSum);
            Each(c, i => dx[i] = (float)(gamma[c] * r * (delta[i] - ((betaSum + (normalized[i] * gammaSum)) / count))));
        }

        return [mean, rstd, runningMean, runningVariance, normalized, a, dGamma, dBeta, dx];

        void Each(int c, Action<int> action)
        {
            for (var n = 0; n < Batch; n++)
            {
                for (var p = 0; p < positions; p++)
                {
                    action(Index(n, c, p));
                }
            }
        }
    }

    private static void AssertClose(float[][] expected, float[][] actual)
    {
        for (var output = 0; output < expected.Length; output++)
        {
            for (var i = 0; i < expected[output].Length; i++)
            {
                var (e, v) = (expected[output][i], actual[output][i]);
                Assert.True(Math.Abs(e - v) <= 1e-4f + (1e-4f * Math.Abs(e)), $"output {output}[{i}]: reference {e:R}, kernels {v:R}");
            }
        }
    }

    private static float[] Random(int length, Random random, float offset, float scale) =>
        Enumerable.Range(0, length).Select(_ => offset + (scale * (float)((random.NextDouble() * 2) - 1))).ToArray();
}

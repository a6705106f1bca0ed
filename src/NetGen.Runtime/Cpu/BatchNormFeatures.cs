using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// Batch normalisation of a vector's features (one position each): the per-feature sums down the batch in double, the
/// element-wise passes sample after sample with the features in vector lanes.
/// </summary>
internal static class BatchNormFeatures
{
    // The sums run feature by feature down the batch in double, as the CUDA kernels sum: a vector layer's batch is small.
    public static void Statistics(
        ReadOnlySpan<float> x, Span<float> mean, Span<float> reciprocalStandardDeviation, Span<float> runningMean, Span<float> runningVariance,
        int batch, in BatchNormShape shape)
    {
        var features = shape.Features;
        for (var c = 0; c < features; c++)
        {
            double sum = 0;
            for (var n = 0; n < batch; n++)
            {
                sum += x[(n * features) + c];
            }

            var mu = sum / batch;
            double squares = 0;
            for (var n = 0; n < batch; n++)
            {
                var deviation = x[(n * features) + c] - mu;
                squares += deviation * deviation;
            }

            BatchNormKernels.Finish(c, mu, squares, batch, mean, reciprocalStandardDeviation, runningMean, runningVariance, shape);
        }
    }

    public static void Forward<TActivation>(
        ReadOnlySpan<float> x, Span<float> normalized, Span<float> z, Span<float> a, ReadOnlySpan<float> mean, ReadOnlySpan<float> reciprocalStandardDeviation,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, int batch, in BatchNormShape shape, TActivation activation)
        where TActivation : struct, IActivation
    {
        var features = shape.Features;
        for (var n = 0; n < batch; n++)
        {
            var start = n * features;
            var xRow = x.Slice(start, features);
            var xhatRow = normalized.Slice(start, features);
            var zRow = z.Slice(start, features);
            var c = 0;
            for (; c <= features - Vector<float>.Count; c += Vector<float>.Count)
            {
                var xhat = (new Vector<float>(xRow[c..]) - new Vector<float>(mean[c..])) * new Vector<float>(reciprocalStandardDeviation[c..]);
                xhat.CopyTo(xhatRow[c..]);
                ((xhat * new Vector<float>(gamma[c..])) + new Vector<float>(beta[c..])).CopyTo(zRow[c..]);
            }

            for (; c < features; c++)
            {
                var xhat = (xRow[c] - mean[c]) * reciprocalStandardDeviation[c];
                xhatRow[c] = xhat;
                zRow[c] = (gamma[c] * xhat) + beta[c];
            }
        }

        Activate(z[..(batch * features)], a[..(batch * features)], activation);
    }

    public static void ParameterGradients(
        ReadOnlySpan<float> delta, ReadOnlySpan<float> normalized, Span<float> gammaGradient, Span<float> betaGradient, int batch, in BatchNormShape shape)
    {
        var features = shape.Features;
        for (var c = 0; c < features; c++)
        {
            double gammaSum = 0, betaSum = 0;
            for (var n = 0; n < batch; n++)
            {
                var i = (n * features) + c;
                betaSum += delta[i];
                gammaSum += (double)delta[i] * normalized[i];
            }

            gammaGradient[c] = (float)gammaSum;
            betaGradient[c] = (float)betaSum;
        }
    }

    public static void InputGradient(
        ReadOnlySpan<float> delta, ReadOnlySpan<float> normalized, ReadOnlySpan<float> gamma, ReadOnlySpan<float> reciprocalStandardDeviation,
        ReadOnlySpan<float> gammaGradient, ReadOnlySpan<float> betaGradient, Span<float> inputDelta, int batch, in BatchNormShape shape)
    {
        var features = shape.Features;
        var inverseCount = 1f / batch;
        for (var n = 0; n < batch; n++)
        {
            var start = n * features;
            var d = delta.Slice(start, features);
            var xhat = normalized.Slice(start, features);
            var dx = inputDelta.Slice(start, features);
            var c = 0;
            for (; c <= features - Vector<float>.Count; c += Vector<float>.Count)
            {
                var k = new Vector<float>(gamma[c..]) * new Vector<float>(reciprocalStandardDeviation[c..]);
                var shift = k * (new Vector<float>(betaGradient[c..]) * inverseCount);
                var slope = k * (new Vector<float>(gammaGradient[c..]) * inverseCount);
                ((new Vector<float>(d[c..]) * k) - shift - (new Vector<float>(xhat[c..]) * slope)).CopyTo(dx[c..]);
            }

            for (; c < features; c++)
            {
                var k = gamma[c] * reciprocalStandardDeviation[c];
                dx[c] = (d[c] * k) - (k * (betaGradient[c] * inverseCount)) - (xhat[c] * (k * (gammaGradient[c] * inverseCount)));
            }
        }
    }

    private static void Activate<TActivation>(ReadOnlySpan<float> z, Span<float> a, TActivation activation)
        where TActivation : struct, IActivation
    {
        if (typeof(TActivation) == typeof(IdentityActivation))
        {
            if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(z), ref MemoryMarshal.GetReference(a)))
            {
                z.CopyTo(a);
            }

            return;
        }

        var i = 0;
        if (typeof(TActivation) == typeof(ReluActivation))
        {
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Max(new Vector<float>(z[i..]), Vector<float>.Zero).CopyTo(a[i..]);
            }
        }

        for (; i < z.Length; i++)
        {
            a[i] = activation.Apply(z[i]);
        }
    }
}

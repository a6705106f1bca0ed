using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// Batch normalisation of a vector's features (one position each): sample after sample, the features in vector lanes,
/// with the per-feature sums kept in the statistics' and gradients' own spans.
/// </summary>
internal static class BatchNormFeatures
{
    public static void Statistics(
        ReadOnlySpan<float> x, Span<float> mean, Span<float> reciprocalStandardDeviation, Span<float> runningMean, Span<float> runningVariance,
        int batch, in BatchNormShape shape)
    {
        var features = shape.Features;
        var sums = mean[..features];
        var squares = reciprocalStandardDeviation[..features];
        sums.Clear();
        for (var n = 0; n < batch; n++)
        {
            Add(sums, x.Slice(n * features, features));
        }

        for (var c = 0; c < features; c++)
        {
            sums[c] /= batch;
        }

        squares.Clear();
        for (var n = 0; n < batch; n++)
        {
            AddSquaredDeviations(squares, x.Slice(n * features, features), sums);
        }

        for (var c = 0; c < features; c++)
        {
            BatchNormKernels.Finish(c, sums[c], squares[c], batch, mean, reciprocalStandardDeviation, runningMean, runningVariance, shape);
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
        var gammaSums = gammaGradient[..features];
        var betaSums = betaGradient[..features];
        gammaSums.Clear();
        betaSums.Clear();
        for (var n = 0; n < batch; n++)
        {
            var d = delta.Slice(n * features, features);
            var xhat = normalized.Slice(n * features, features);
            Add(betaSums, d);
            var c = 0;
            for (; c <= features - Vector<float>.Count; c += Vector<float>.Count)
            {
                (new Vector<float>(gammaSums[c..]) + (new Vector<float>(d[c..]) * new Vector<float>(xhat[c..]))).CopyTo(gammaSums[c..]);
            }

            for (; c < features; c++)
            {
                gammaSums[c] += d[c] * xhat[c];
            }
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

    private static void Add(Span<float> sums, ReadOnlySpan<float> values)
    {
        var c = 0;
        for (; c <= sums.Length - Vector<float>.Count; c += Vector<float>.Count)
        {
            (new Vector<float>(sums[c..]) + new Vector<float>(values[c..])).CopyTo(sums[c..]);
        }

        for (; c < sums.Length; c++)
        {
            sums[c] += values[c];
        }
    }

    private static void AddSquaredDeviations(Span<float> squares, ReadOnlySpan<float> values, ReadOnlySpan<float> means)
    {
        var c = 0;
        for (; c <= squares.Length - Vector<float>.Count; c += Vector<float>.Count)
        {
            var deviation = new Vector<float>(values[c..]) - new Vector<float>(means[c..]);
            (new Vector<float>(squares[c..]) + (deviation * deviation)).CopyTo(squares[c..]);
        }

        for (; c < squares.Length; c++)
        {
            var deviation = values[c] - means[c];
            squares[c] += deviation * deviation;
        }
    }
}

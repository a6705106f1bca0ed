using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// Batch normalisation of an image's channels c0 … c1 − 1: each channel is the batch's rows (n, c) of
/// <see cref="BatchNormShape.Positions"/> contiguous values, summed in double lanes.
/// Channels are independent, so a range gives the same numbers whichever thread runs it.
/// </summary>
internal static unsafe class BatchNormChannels
{
    public static void Statistics(
        float* x, float* mean, float* reciprocalStandardDeviation, float* runningMean, float* runningVariance, int batch, in BatchNormShape shape, int c0, int c1)
    {
        var positions = shape.Positions;
        var count = batch * positions;
        for (var c = c0; c < c1; c++)
        {
            double sum = 0;
            for (var n = 0; n < batch; n++)
            {
                sum += Sum(Row(x, n, c, shape), positions);
            }

            var mu = sum / count;
            double squares = 0;
            for (var n = 0; n < batch; n++)
            {
                squares += SquaredDeviations(Row(x, n, c, shape), positions, mu);
            }

            BatchNormKernels.Finish(c, mu, squares, count, mean, reciprocalStandardDeviation, runningMean, runningVariance, shape);
        }
    }

    public static void Forward<TActivation>(
        float* x, float* normalized, float* z, float* a, float* mean, float* reciprocalStandardDeviation, float* gamma, float* beta,
        int batch, in BatchNormShape shape, int c0, int c1, TActivation activation)
        where TActivation : struct, IActivation
    {
        var positions = shape.Positions;
        for (var c = c0; c < c1; c++)
        {
            var (m, r, g, b) = (mean[c], reciprocalStandardDeviation[c], gamma[c], beta[c]);
            for (var n = 0; n < batch; n++)
            {
                var offset = Offset(n, c, shape);
                NormalizeRow(x + offset, normalized + offset, z + offset, a + offset, positions, m, r, g, b, activation);
            }
        }
    }

    public static void ParameterGradients(float* delta, float* normalized, float* gammaGradient, float* betaGradient, int batch, in BatchNormShape shape, int c0, int c1)
    {
        var positions = shape.Positions;
        for (var c = c0; c < c1; c++)
        {
            double gammaSum = 0, betaSum = 0;
            for (var n = 0; n < batch; n++)
            {
                var offset = Offset(n, c, shape);
                var (rowBeta, rowGamma) = SumAndDot(delta + offset, normalized + offset, positions);
                betaSum += rowBeta;
                gammaSum += rowGamma;
            }

            gammaGradient[c] = (float)gammaSum;
            betaGradient[c] = (float)betaSum;
        }
    }

    public static void InputGradient(
        float* delta, float* normalized, float* gamma, float* reciprocalStandardDeviation, float* gammaGradient, float* betaGradient, float* inputDelta,
        int batch, in BatchNormShape shape, int c0, int c1)
    {
        var positions = shape.Positions;
        var count = (float)(batch * positions);
        for (var c = c0; c < c1; c++)
        {
            // γ·rstd·(δ − (Σδ + x̂·Σδx̂)/N) = k·δ − k·Σδ/N − k·Σδx̂/N·x̂
            var k = gamma[c] * reciprocalStandardDeviation[c];
            var shift = k * (betaGradient[c] / count);
            var slope = k * (gammaGradient[c] / count);
            for (var n = 0; n < batch; n++)
            {
                var offset = Offset(n, c, shape);
                InputGradientRow(delta + offset, normalized + offset, inputDelta + offset, positions, k, shift, slope);
            }
        }
    }

    public static void InputGradientRow(float* delta, float* normalized, float* inputDelta, int length, float k, float shift, float slope)
    {
        var i = 0;
        for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var d = Unsafe.ReadUnaligned<Vector<float>>(delta + i);
            var xhat = Unsafe.ReadUnaligned<Vector<float>>(normalized + i);
            Unsafe.WriteUnaligned(inputDelta + i, (d * k) - new Vector<float>(shift) - (xhat * slope));
        }

        for (; i < length; i++)
        {
            inputDelta[i] = (delta[i] * k) - shift - (normalized[i] * slope);
        }
    }

    public static void NormalizeRow<TActivation>(
        float* x, float* normalized, float* z, float* a, int length, float mean, float rstd, float gamma, float beta, TActivation activation)
        where TActivation : struct, IActivation
    {
        var i = 0;
        for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var xhat = (Unsafe.ReadUnaligned<Vector<float>>(x + i) - new Vector<float>(mean)) * rstd;
            Unsafe.WriteUnaligned(normalized + i, xhat);
            var pre = (xhat * gamma) + new Vector<float>(beta);
            Unsafe.WriteUnaligned(z + i, pre);
            if (typeof(TActivation) == typeof(ReluActivation))
            {
                Unsafe.WriteUnaligned(a + i, Vector.Max(pre, Vector<float>.Zero));
            }
            else if (typeof(TActivation) != typeof(IdentityActivation))
            {
                for (var j = 0; j < Vector<float>.Count; j++)
                {
                    a[i + j] = activation.Apply(pre[j]);
                }
            }
            else if (a != z)
            {
                Unsafe.WriteUnaligned(a + i, pre);
            }
        }

        for (; i < length; i++)
        {
            var xhat = (x[i] - mean) * rstd;
            normalized[i] = xhat;
            var pre = (gamma * xhat) + beta;
            z[i] = pre;
            a[i] = activation.Apply(pre);
        }
    }

    // The sums below are taken in double lanes: a channel's δ·x̂ terms cancel, and float sums would lose the digits the
    // CUDA kernels (which sum in double) keep.
    private static double Sum(float* values, int length)
    {
        var lanes = Vector<double>.Zero;
        var i = 0;
        for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var (lower, upper) = Widen(Unsafe.ReadUnaligned<Vector<float>>(values + i));
            lanes += lower + upper;
        }

        var sum = Vector.Sum(lanes);
        for (; i < length; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    private static double SquaredDeviations(float* values, int length, double mean)
    {
        var lanes = Vector<double>.Zero;
        var i = 0;
        for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var (lower, upper) = Widen(Unsafe.ReadUnaligned<Vector<float>>(values + i));
            var (lowerDeviation, upperDeviation) = (lower - new Vector<double>(mean), upper - new Vector<double>(mean));
            lanes += (lowerDeviation * lowerDeviation) + (upperDeviation * upperDeviation);
        }

        var sum = Vector.Sum(lanes);
        for (; i < length; i++)
        {
            var deviation = values[i] - mean;
            sum += deviation * deviation;
        }

        return sum;
    }

    private static (double Sum, double Dot) SumAndDot(float* delta, float* normalized, int length)
    {
        var (sumLanes, dotLanes) = (Vector<double>.Zero, Vector<double>.Zero);
        var i = 0;
        for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var (lowerDelta, upperDelta) = Widen(Unsafe.ReadUnaligned<Vector<float>>(delta + i));
            var (lowerNormalized, upperNormalized) = Widen(Unsafe.ReadUnaligned<Vector<float>>(normalized + i));
            sumLanes += lowerDelta + upperDelta;
            dotLanes += (lowerDelta * lowerNormalized) + (upperDelta * upperNormalized);
        }

        var (sum, dot) = (Vector.Sum(sumLanes), Vector.Sum(dotLanes));
        for (; i < length; i++)
        {
            sum += delta[i];
            dot += (double)delta[i] * normalized[i];
        }

        return (sum, dot);
    }

    private static (Vector<double> Lower, Vector<double> Upper) Widen(Vector<float> values)
    {
        Vector.Widen(values, out var lower, out var upper);
        return (lower, upper);
    }

    private static float* Row(float* values, int sample, int channel, in BatchNormShape shape) => values + Offset(sample, channel, shape);

    private static nint Offset(int sample, int channel, in BatchNormShape shape) => (((nint)sample * shape.Features) + channel) * shape.Positions;
}

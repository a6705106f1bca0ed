using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>
/// A batch-normalisation layer's shape: <see cref="Features"/> normalised apart (a vector's values, an image's channels),
/// each over <see cref="Positions"/> values per sample (an image's height × width, 1 for a vector); value (n, c, p) of a
/// batch is at (n·Features + c)·Positions + p.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct BatchNormShape(int Features, int Positions, float Momentum, float Epsilon)
{
    public int SampleSize => Features * Positions;
}

/// <summary>
/// Batch normalisation over a batch, PyTorch's conventions: a training step normalises with the batch's mean and biased
/// variance and moves the running statistics toward the mean and the unbiased variance; inference normalises with the
/// running ones. Sums are taken in double.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchNormKernels
{
    /// <summary>Per feature, the mean and 1/√(σ² + ε) that <see cref="Forward"/> normalises with.</summary>
    public static void Statistics(
        ReadOnlySpan<float> x, Span<float> mean, Span<float> reciprocalStandardDeviation, Span<float> runningMean, Span<float> runningVariance,
        int batch, BatchNormShape shape, bool training)
    {
        for (var c = 0; c < shape.Features; c++)
        {
            if (!training)
            {
                mean[c] = runningMean[c];
                reciprocalStandardDeviation[c] = (float)(1.0 / Math.Sqrt((double)runningVariance[c] + shape.Epsilon));
                continue;
            }

            var count = batch * shape.Positions;
            double sum = 0;
            for (var n = 0; n < batch; n++)
            {
                foreach (var value in Values(x, n, c, shape))
                {
                    sum += value;
                }
            }

            var mu = sum / count;
            double squares = 0;
            for (var n = 0; n < batch; n++)
            {
                foreach (var value in Values(x, n, c, shape))
                {
                    var deviation = value - mu;
                    squares += deviation * deviation;
                }
            }

            var variance = squares / count;
            mean[c] = (float)mu;
            reciprocalStandardDeviation[c] = (float)(1.0 / Math.Sqrt(variance + shape.Epsilon));
            runningMean[c] = ((1f - shape.Momentum) * runningMean[c]) + (shape.Momentum * (float)mu);
            runningVariance[c] = ((1f - shape.Momentum) * runningVariance[c]) + (shape.Momentum * (float)(count > 1 ? squares / (count - 1) : variance));
        }
    }

    /// <summary>x̂ = (x − mean)·rstd, z = γ·x̂ + β, a = f(z); <paramref name="z"/> and <paramref name="a"/> may be one buffer.</summary>
    public static void Forward<TActivation>(
        ReadOnlySpan<float> x, Span<float> normalized, Span<float> z, Span<float> a, ReadOnlySpan<float> mean, ReadOnlySpan<float> reciprocalStandardDeviation,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, int batch, BatchNormShape shape, TActivation activation)
        where TActivation : struct, IActivation
    {
        for (var n = 0; n < batch; n++)
        {
            for (var c = 0; c < shape.Features; c++)
            {
                var start = ((n * shape.Features) + c) * shape.Positions;
                for (var i = start; i < start + shape.Positions; i++)
                {
                    var xhat = (x[i] - mean[c]) * reciprocalStandardDeviation[c];
                    normalized[i] = xhat;
                    var pre = (gamma[c] * xhat) + beta[c];
                    z[i] = pre;
                    a[i] = activation.Apply(pre);
                }
            }
        }
    }

    /// <summary>∂L/∂γ = Σ δ·x̂ and ∂L/∂β = Σ δ per feature, over the batch and the positions.</summary>
    public static void ParameterGradients(
        ReadOnlySpan<float> delta, ReadOnlySpan<float> normalized, Span<float> gammaGradient, Span<float> betaGradient, int batch, BatchNormShape shape)
    {
        for (var c = 0; c < shape.Features; c++)
        {
            double gammaSum = 0, betaSum = 0;
            for (var n = 0; n < batch; n++)
            {
                var start = ((n * shape.Features) + c) * shape.Positions;
                for (var i = start; i < start + shape.Positions; i++)
                {
                    betaSum += delta[i];
                    gammaSum += (double)delta[i] * normalized[i];
                }
            }

            gammaGradient[c] = (float)gammaSum;
            betaGradient[c] = (float)betaSum;
        }
    }

    /// <summary>
    /// δ of the layer below through the batch statistics: γ·rstd·(δ − (Σδ + x̂·Σδx̂) / N), N values per feature; the sums are
    /// the γ and β gradients <see cref="ParameterGradients"/> wrote.
    /// </summary>
    public static void InputGradient(
        ReadOnlySpan<float> delta, ReadOnlySpan<float> normalized, ReadOnlySpan<float> gamma, ReadOnlySpan<float> reciprocalStandardDeviation,
        ReadOnlySpan<float> gammaGradient, ReadOnlySpan<float> betaGradient, Span<float> inputDelta, int batch, BatchNormShape shape)
    {
        var count = (float)(batch * shape.Positions);
        for (var n = 0; n < batch; n++)
        {
            for (var c = 0; c < shape.Features; c++)
            {
                var start = ((n * shape.Features) + c) * shape.Positions;
                for (var i = start; i < start + shape.Positions; i++)
                {
                    inputDelta[i] = gamma[c] * reciprocalStandardDeviation[c] * (delta[i] - ((betaGradient[c] + (normalized[i] * gammaGradient[c])) / count));
                }
            }
        }
    }

    private static ReadOnlySpan<float> Values(ReadOnlySpan<float> x, int sample, int feature, BatchNormShape shape) =>
        x.Slice(((sample * shape.Features) + feature) * shape.Positions, shape.Positions);
}

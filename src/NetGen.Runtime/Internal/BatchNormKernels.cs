using System;
using System.ComponentModel;
using NetGen.Cpu;

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
/// running ones. An image's channels are computed in vector lanes along each row of positions and split over the CPU
/// threads by channel (<see cref="BatchNormChannels"/>); a vector's features in vector lanes across the features
/// (<see cref="BatchNormFeatures"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class BatchNormKernels
{
    /// <summary>Per feature, the mean and 1/√(σ² + ε) that <see cref="Forward"/> normalises with.</summary>
    public static void Statistics(
        ReadOnlySpan<float> x, Span<float> mean, Span<float> reciprocalStandardDeviation, Span<float> runningMean, Span<float> runningVariance,
        int batch, BatchNormShape shape, bool training)
    {
        if (!training)
        {
            for (var c = 0; c < shape.Features; c++)
            {
                mean[c] = runningMean[c];
                reciprocalStandardDeviation[c] = (float)(1.0 / Math.Sqrt((double)runningVariance[c] + shape.Epsilon));
            }
        }
        else if (shape.Positions == 1)
        {
            BatchNormFeatures.Statistics(x, mean, reciprocalStandardDeviation, runningMean, runningVariance, batch, shape);
        }
        else
        {
            fixed (float* xs = x, means = mean, rstd = reciprocalStandardDeviation, runningMeans = runningMean, runningVariances = runningVariance)
            {
                BatchNormJob<IdentityActivation>.Statistics(xs, means, rstd, runningMeans, runningVariances, batch, shape);
            }
        }
    }

    /// <summary>x̂ = (x − mean)·rstd, z = γ·x̂ + β, a = f(z); <paramref name="z"/> and <paramref name="a"/> may be one buffer.</summary>
    public static void Forward<TActivation>(
        ReadOnlySpan<float> x, Span<float> normalized, Span<float> z, Span<float> a, ReadOnlySpan<float> mean, ReadOnlySpan<float> reciprocalStandardDeviation,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, int batch, BatchNormShape shape, TActivation activation)
        where TActivation : struct, IActivation
    {
        if (shape.Positions == 1)
        {
            BatchNormFeatures.Forward(x, normalized, z, a, mean, reciprocalStandardDeviation, gamma, beta, batch, shape, activation);
            return;
        }

        fixed (float* xs = x, xhat = normalized, zs = z, activations = a, means = mean, rstd = reciprocalStandardDeviation, gammas = gamma, betas = beta)
        {
            BatchNormJob<TActivation>.Forward(xs, xhat, zs, activations, means, rstd, gammas, betas, batch, shape, activation);
        }
    }

    /// <summary>∂L/∂γ = Σ δ·x̂ and ∂L/∂β = Σ δ per feature, over the batch and the positions.</summary>
    public static void ParameterGradients(
        ReadOnlySpan<float> delta, ReadOnlySpan<float> normalized, Span<float> gammaGradient, Span<float> betaGradient, int batch, BatchNormShape shape)
    {
        if (shape.Positions == 1)
        {
            BatchNormFeatures.ParameterGradients(delta, normalized, gammaGradient, betaGradient, batch, shape);
            return;
        }

        fixed (float* d = delta, xhat = normalized, gammaGradients = gammaGradient, betaGradients = betaGradient)
        {
            BatchNormJob<IdentityActivation>.ParameterGradients(d, xhat, gammaGradients, betaGradients, batch, shape);
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
        if (shape.Positions == 1)
        {
            BatchNormFeatures.InputGradient(delta, normalized, gamma, reciprocalStandardDeviation, gammaGradient, betaGradient, inputDelta, batch, shape);
            return;
        }

        fixed (float* d = delta, xhat = normalized, gammas = gamma, rstd = reciprocalStandardDeviation, gammaGradients = gammaGradient,
               betaGradients = betaGradient, dx = inputDelta)
        {
            BatchNormJob<IdentityActivation>.InputGradient(d, xhat, gammas, rstd, gammaGradients, betaGradients, dx, batch, shape);
        }
    }

    /// <summary>
    /// A feature's statistics from its batch sum's mean <paramref name="mu"/> and its sum of squared deviations: the mean and
    /// 1/√(σ² + ε) to normalise with, and the running mean and (unbiased) variance moved toward them by the momentum.
    /// </summary>
    internal static void Finish(
        int c, double mu, double squares, int count, Span<float> mean, Span<float> reciprocalStandardDeviation, Span<float> runningMean, Span<float> runningVariance,
        in BatchNormShape shape)
    {
        var variance = squares / count;
        mean[c] = (float)mu;
        reciprocalStandardDeviation[c] = (float)(1.0 / Math.Sqrt(variance + shape.Epsilon));
        runningMean[c] = ((1f - shape.Momentum) * runningMean[c]) + (shape.Momentum * (float)mu);
        runningVariance[c] = ((1f - shape.Momentum) * runningVariance[c]) + (shape.Momentum * (float)(count > 1 ? squares / (count - 1) : variance));
    }

    internal static void Finish(
        int c, double mu, double squares, int count, float* mean, float* reciprocalStandardDeviation, float* runningMean, float* runningVariance, in BatchNormShape shape) =>
        Finish(c, mu, squares, count, new Span<float>(mean, c + 1), new Span<float>(reciprocalStandardDeviation, c + 1), new Span<float>(runningMean, c + 1),
            new Span<float>(runningVariance, c + 1), shape);
}

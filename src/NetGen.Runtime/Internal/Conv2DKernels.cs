using System;
using System.ComponentModel;
using NetGen.Cpu;
using static NetGen.Internal.KernelArguments;

namespace NetGen.Internal;

/// <summary>
/// Forward and backward of a 2-D convolution layer on NCHW batches: inputs [batch, C, H, W], weights [F, C, K, K],
/// bias [F], pre-activations z and activations a [batch, F, OH, OW] (see <see cref="Conv2DShape"/>).
/// </summary>
/// <remarks>
/// <para>
/// Stride-1 convolutions run direct kernels that read the taps of the window straight from a zero-padded copy of each
/// sample (see <see cref="Conv2DDirectLayout"/>); other strides unfold each sample by im2col into a
/// [C·K·K × OH·OW] matrix and multiply it with the weights by <see cref="MatrixMultiply"/>. The input gradient is
/// Wᵀ·δ by <see cref="MatrixMultiply"/>, folded back onto the input by col2im. Samples are spread over the threads
/// of the shared worker pool, each with its own scratch, so that each sample is computed by one thread from start
/// to end.
/// </para>
/// <para>
/// Deterministic: every output is computed in an order fixed by the shapes and the batch size alone, so results are
/// bit-identical whatever the number of threads, and whatever the vector width of the machine. A thread's first call
/// of each shape runs on that thread alone and sizes its scratch; after that, calls allocate no managed memory (a pool
/// thread sizes its own scratch the first time it takes part). Calls from different threads at once are safe.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Conv2DKernels
{
    /// <summary>Batches with fewer multiply-adds than this run on the calling thread alone.</summary>
    private const long ParallelThreshold = 1L << 17;

    /// <summary>
    /// z = conv(x, W) + b, a = f(z): <c>z[n, f, oh, ow] = b[f] + Σ_{c,kh,kw} W[f, c, kh, kw] · x[n, c, oh·S + kh − P, ow·S + kw − P]</c>,
    /// with x zero outside the image.
    /// </summary>
    /// <param name="input">x, [batch, C, H, W].</param>
    /// <param name="weight">W, [F, C, K, K].</param>
    /// <param name="bias">b, [F]; empty for no bias.</param>
    /// <param name="preActivation">z, [batch, F, OH, OW]; overwritten.</param>
    /// <param name="output">a, [batch, F, OH, OW]; overwritten. May be <paramref name="preActivation"/> itself, when z is not needed.</param>
    /// <param name="batch">Samples; at least 1.</param>
    /// <param name="shape">The layer's shape.</param>
    /// <param name="activation">f.</param>
    /// <exception cref="ArgumentException">A span is shorter than its tensor, an output overlaps an input, or the shape is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is less than 1.</exception>
    public static void Forward<TActivation>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        Span<float> preActivation, Span<float> output, int batch, Conv2DShape shape, TActivation activation)
        where TActivation : struct, IActivation
    {
        shape.ThrowIfDefault(nameof(shape));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        input = Require(input, (long)batch * shape.InputSize, nameof(input));
        weight = Require(weight, shape.WeightLength, nameof(weight));
        if (!bias.IsEmpty)
        {
            bias = Require(bias, shape.Filters, nameof(bias));
        }

        var z = Require(preActivation, (long)batch * shape.OutputSize, nameof(preActivation));
        var a = Require(output, (long)batch * shape.OutputSize, nameof(output));
        RequireDisjoint(z, nameof(preActivation), input, weight, bias);
        RequireDisjoint(a, nameof(output), input, weight, bias);
        if (a.Overlaps(z, out var elementOffset) && elementOffset != 0)
        {
            throw new ArgumentException("output must be preActivation itself or not overlap it.", nameof(output));
        }

        var offsets = DirectOffsets(shape);
        fixed (float* x = input, w = weight, b = bias, zp = z, ap = a)
        {
            Conv2DForwardJob<TActivation>.Run(x, w, bias.IsEmpty ? null : b, zp, ap, offsets, batch, shape, activation);
        }
    }

    /// <summary>
    /// Given δ = ∂L/∂z, overwrites <paramref name="weightGradient"/> with ∂L/∂W = Σₙ δₙ·im2col(xₙ)ᵀ and
    /// <paramref name="biasGradient"/> with ∂L/∂b = Σ_{n,oh,ow} δ, and writes ∂L/∂x into <paramref name="inputDelta"/>.
    /// </summary>
    /// <param name="input">x, [batch, C, H, W], as given to <see cref="Forward"/>.</param>
    /// <param name="weight">W, [F, C, K, K].</param>
    /// <param name="delta">δ = ∂L/∂z, [batch, F, OH, OW]: the activation's derivative already applied (see
    /// <see cref="DenseKernels.ActivationBackward"/>).</param>
    /// <param name="weightGradient">∂L/∂W, [F, C, K, K]; overwritten.</param>
    /// <param name="biasGradient">∂L/∂b, [F]; overwritten. Empty for no bias.</param>
    /// <param name="inputDelta">∂L/∂x, [batch, C, H, W]; overwritten. Empty to skip it (the first layer).</param>
    /// <param name="batch">Samples; at least 1.</param>
    /// <param name="shape">The layer's shape.</param>
    /// <exception cref="ArgumentException">A span is shorter than its tensor, an output overlaps another span, or the shape is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> is less than 1.</exception>
    public static void Backward(
        ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> delta,
        Span<float> weightGradient, Span<float> biasGradient, Span<float> inputDelta, int batch, Conv2DShape shape)
    {
        shape.ThrowIfDefault(nameof(shape));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        input = Require(input, (long)batch * shape.InputSize, nameof(input));
        weight = Require(weight, shape.WeightLength, nameof(weight));
        delta = Require(delta, (long)batch * shape.OutputSize, nameof(delta));
        var weightGradientSpan = Require(weightGradient, shape.WeightLength, nameof(weightGradient));
        RequireDisjoint(weightGradientSpan, nameof(weightGradient), input, weight, delta);
        var biasGradientSpan = Span<float>.Empty;
        if (!biasGradient.IsEmpty)
        {
            biasGradientSpan = Require(biasGradient, shape.Filters, nameof(biasGradient));
            RequireDisjoint(biasGradientSpan, nameof(biasGradient), input, weight, delta, weightGradientSpan);
        }

        var inputDeltaSpan = Span<float>.Empty;
        if (!inputDelta.IsEmpty)
        {
            inputDeltaSpan = Require(inputDelta, (long)batch * shape.InputSize, nameof(inputDelta));
            RequireDisjoint(inputDeltaSpan, nameof(inputDelta), input, weight, delta, weightGradientSpan);
            RequireDisjoint(inputDeltaSpan, nameof(inputDelta), biasGradientSpan);
        }

        // Groups after the first sum into the calling thread's scratch; they are added to group 0's in group order.
        var laterGroups = Conv2DBackwardJob.GroupCount(batch, shape) - 1;
        var scratch = Conv2DScratch.Current;
        var partialWeights = laterGroups == 0 ? null : scratch.PartialWeightGradients(laterGroups * shape.WeightLength);
        var partialBiases = laterGroups == 0 || biasGradientSpan.IsEmpty ? null : scratch.PartialBiasGradients(laterGroups * shape.Filters);
        var offsets = DirectOffsets(shape);
        fixed (float* x = input, w = weight, d = delta, dw = weightGradientSpan, db = biasGradientSpan, dx = inputDeltaSpan)
        {
            Conv2DBackwardJob.Run(
                x, w, d, dw, biasGradientSpan.IsEmpty ? null : db, partialWeights, partialBiases,
                inputDeltaSpan.IsEmpty ? null : dx, offsets, batch, shape);
            for (var group = 0; group < laterGroups; group++)
            {
                Conv2DVectors.AddTo(partialWeights + ((nint)group * shape.WeightLength), dw, shape.WeightLength);
                if (partialBiases != null)
                {
                    Conv2DVectors.AddTo(partialBiases + ((nint)group * shape.Filters), db, shape.Filters);
                }
            }
        }
    }

    // The direct kernels' tap offsets in the calling thread's scratch, or null when they do not apply.
    private static int* DirectOffsets(in Conv2DShape shape)
    {
        if (!Conv2DDirectLayout.Applies(shape))
        {
            return null;
        }

        var layout = new Conv2DDirectLayout(shape);
        var offsets = Conv2DScratch.Current.Offsets(layout.PaddedTaps);
        layout.FillOffsets(offsets, shape);
        return offsets;
    }

    /// <summary>How many parts to split a batch into: one per thread, or one when the batch is too small to share.</summary>
    internal static int PartCount(int batch, in Conv2DShape shape)
    {
        var multiplyAdds = (long)batch * shape.WeightLength * shape.OutputPlane;
        return multiplyAdds < ParallelThreshold ? 1 : Math.Min(WorkerPool.MaxThreads, batch);
    }
}

using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>
/// Forward and backward of a maxout layer on row-major batches: inputs [batch, in], weights [units × pieces, in] (row
/// unit·pieces + piece), bias [units × pieces], the pieces z = x·Wᵀ + b and their δ [batch, units × pieces], outputs a
/// and the winning piece of each [batch, units]. The products are the dense layer's.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MaxoutKernels
{
    /// <summary>
    /// z = x·Wᵀ + b, then aⱼ = maxₖ z[j·pieces + k] with the winning k in <paramref name="argMax"/>: the first maximum on
    /// ties; a NaN wins over numbers, and a later NaN over an earlier one, so NaNs propagate (as max pooling's).
    /// </summary>
    public static void Forward(
        ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> pieceValues, Span<float> output, Span<int> argMax,
        int batch, int inputSize, int units, int pieces)
    {
        DenseKernels.Forward(input, weight, bias, pieceValues, pieceValues, batch, inputSize, units * pieces, default(IdentityActivation));
        var count = batch * units;
        var a = output[..count];
        var winners = argMax[..count];
        for (var i = 0; i < count; i++)
        {
            var z = pieceValues.Slice(i * pieces, pieces);
            var best = 0;
            var max = z[0];
            for (var k = 1; k < z.Length; k++)
            {
                if (z[k] > max || float.IsNaN(z[k]))
                {
                    max = z[k];
                    best = k;
                }
            }

            a[i] = max;
            winners[i] = best;
        }
    }

    /// <summary>
    /// Routes δ to the winning pieces (<paramref name="pieceDelta"/>: δ of the unit where the piece won, 0 elsewhere), then
    /// ∂L/∂W = δ_piecesᵀ·x and ∂L/∂b = Σ_batch δ_pieces, overwriting both gradients. An empty <paramref name="biasGradient"/> means no bias.
    /// </summary>
    public static void ParameterGradients(
        ReadOnlySpan<float> delta, ReadOnlySpan<int> argMax, Span<float> pieceDelta, ReadOnlySpan<float> input, Span<float> weightGradient,
        Span<float> biasGradient, int batch, int inputSize, int units, int pieces)
    {
        var count = batch * units;
        var winners = argMax[..count];
        var d = delta[..count];
        var routed = pieceDelta[..(count * pieces)];
        routed.Clear();
        for (var i = 0; i < count; i++)
        {
            routed[(i * pieces) + winners[i]] = d[i];
        }

        DenseKernels.ParameterGradients(routed, input, weightGradient, biasGradient, batch, inputSize, units * pieces);
    }

    /// <summary>∂L/∂x = δ_pieces·W, from the pieces' δ that <see cref="ParameterGradients"/> routed.</summary>
    public static void InputGradient(ReadOnlySpan<float> pieceDelta, ReadOnlySpan<float> weight, Span<float> inputDelta, int batch, int inputSize, int units, int pieces) =>
        DenseKernels.InputGradient(pieceDelta, weight, inputDelta, batch, inputSize, units * pieces);
}

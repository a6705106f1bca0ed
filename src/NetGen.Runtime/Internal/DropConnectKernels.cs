using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>
/// DropConnect on a dense layer's weights (Wan et al., 2013), one mask per training step for the whole batch: the masked
/// weights W ∘ M / (1 − p) are formed once per step into a scratch buffer, so the layer stays one matrix product; the
/// backward pass draws the same mask again to mask ∂L/∂W.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DropConnectKernels
{
    /// <summary>
    /// The weights the layer multiplies by: in a training step W ∘ M / (1 − p), written into <paramref name="masked"/>
    /// (as long as <paramref name="weight"/>); in inference <paramref name="weight"/> itself, untouched.
    /// </summary>
    public static ReadOnlySpan<float> Weights(ReadOnlySpan<float> weight, Span<float> masked, DropoutMask mask, bool training)
    {
        if (!training)
        {
            return weight;
        }

        DropoutKernels.Apply(weight, masked, weight.Length, mask);
        return masked[..weight.Length];
    }

    /// <summary>∂L/∂W ← ∂L/∂W ∘ M / (1 − p) in place, with the mask of the step's forward pass.</summary>
    public static void WeightGradient(Span<float> weightGradient, DropoutMask mask) =>
        DropoutKernels.Apply(weightGradient, weightGradient, weightGradient.Length, mask);
}

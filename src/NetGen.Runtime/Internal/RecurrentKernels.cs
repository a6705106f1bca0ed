using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>Placeholder for the recurrent kernels (being written).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RecurrentKernels
{
    public static void Forward<TActivation>(RecurrentShape shape,
        ReadOnlySpan<float> input, ReadOnlySpan<float> inputWeight, ReadOnlySpan<float> recurrentWeight,
        ReadOnlySpan<float> inputBias, ReadOnlySpan<float> recurrentBias,
        Span<float> projections, Span<float> gates, Span<float> states, Span<float> step,
        Span<float> output, int batch, TActivation activation)
        where TActivation : struct, IActivation => throw new NotImplementedException();

    public static void Backward<TActivation>(RecurrentShape shape,
        ReadOnlySpan<float> input, ReadOnlySpan<float> inputWeight, ReadOnlySpan<float> recurrentWeight,
        ReadOnlySpan<float> recurrentBias,
        Span<float> projections, ReadOnlySpan<float> gates, ReadOnlySpan<float> states, Span<float> gateDeltas, Span<float> step,
        ReadOnlySpan<float> outputDelta,
        Span<float> inputWeightGradient, Span<float> recurrentWeightGradient,
        Span<float> inputBiasGradient, Span<float> recurrentBiasGradient,
        Span<float> inputDelta, int batch, TActivation activation)
        where TActivation : struct, IActivation => throw new NotImplementedException();
}

using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>Row-wise softmax, shifted by the row's maximum so that no exponential overflows.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SoftmaxKernels
{
    /// <summary>output[r, j] = exp(z[r, j] − max_r) / Σₖ exp(z[r, k] − max_r). <paramref name="output"/> may be <paramref name="logits"/>.</summary>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> output, int batch, int units)
    {
        for (var row = 0; row < batch * units; row += units)
        {
            var z = logits.Slice(row, units);
            var a = output.Slice(row, units);
            var max = float.NegativeInfinity;
            for (var j = 0; j < units; j++)
            {
                max = MathF.Max(max, z[j]);
            }

            var sum = 0f;
            for (var j = 0; j < units; j++)
            {
                var e = MathF.Exp(z[j] - max);
                a[j] = e;
                sum += e;
            }

            var scale = 1f / sum;
            for (var j = 0; j < units; j++)
            {
                a[j] *= scale;
            }
        }
    }
}

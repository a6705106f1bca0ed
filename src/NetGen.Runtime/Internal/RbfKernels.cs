using System;
using System.ComponentModel;
using System.Numerics;
using NetGen.Cpu;

namespace NetGen.Internal;

/// <summary>
/// Forward and backward of a radial-basis-function layer on row-major batches: inputs x [batch, in], centres C [units, in],
/// log-widths s [units], the squared distances d², the outputs φ and the scaled δ e [batch, units]. With γⱼ = exp(−2sⱼ)/2
/// (that is 1/(2σⱼ²)): φᵢⱼ = exp(−γⱼ d²ᵢⱼ) and eᵢⱼ = δᵢⱼ·2γⱼ·φᵢⱼ, so that ∂L/∂sⱼ = Σᵢ eᵢⱼ d²ᵢⱼ,
/// ∂L/∂cⱼ = Σᵢ eᵢⱼ (xᵢ − cⱼ) and ∂L/∂xᵢ = Σⱼ eᵢⱼ (cⱼ − xᵢ).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RbfKernels
{
    /// <summary>
    /// d²ᵢⱼ = ‖xᵢ − cⱼ‖² summed as squared differences, not as ‖x‖² − 2x·c + ‖c‖²: that form cancels catastrophically
    /// exactly where φ is largest (x near a centre), and φ is read there most. Then φᵢⱼ = exp(−γⱼ d²ᵢⱼ).
    /// </summary>
    public static void Forward(
        ReadOnlySpan<float> input, ReadOnlySpan<float> centers, ReadOnlySpan<float> logWidths, Span<float> squaredDistances, Span<float> output,
        int batch, int inputSize, int units)
    {
        for (var i = 0; i < batch; i++)
        {
            var x = input.Slice(i * inputSize, inputSize);
            var distances = squaredDistances.Slice(i * units, units);
            var phi = output.Slice(i * units, units);
            for (var j = 0; j < units; j++)
            {
                var distance = SquaredDistance(x, centers.Slice(j * inputSize, inputSize));
                distances[j] = distance;
                phi[j] = MathF.Exp(-Gamma(logWidths[j]) * distance);
            }
        }
    }

    /// <summary>
    /// e = δ·2γ·φ into <paramref name="kernelDelta"/> (which <see cref="InputGradient"/> reads), then ∂L/∂s = Σ_batch e·d²
    /// and ∂L/∂C = eᵀ·x − C·diag(Σ_batch e), overwriting both gradients.
    /// </summary>
    public static void ParameterGradients(
        ReadOnlySpan<float> delta, ReadOnlySpan<float> output, ReadOnlySpan<float> squaredDistances, ReadOnlySpan<float> input,
        ReadOnlySpan<float> centers, ReadOnlySpan<float> logWidths, Span<float> kernelDelta, Span<float> centerGradient, Span<float> logWidthGradient,
        int batch, int inputSize, int units)
    {
        var widthSums = logWidthGradient[..units];
        widthSums.Clear();
        for (var i = 0; i < batch * units; i += units)
        {
            for (var j = 0; j < units; j++)
            {
                var e = delta[i + j] * 2f * Gamma(logWidths[j]) * output[i + j];
                kernelDelta[i + j] = e;
                widthSums[j] += e * squaredDistances[i + j];
            }
        }

        MatrixMultiply.MultiplyTransposedA(kernelDelta, input, centerGradient, units, inputSize, batch);
        for (var j = 0; j < units; j++)
        {
            var sum = 0f;
            for (var i = j; i < batch * units; i += units)
            {
                sum += kernelDelta[i];
            }

            var gradient = centerGradient.Slice(j * inputSize, inputSize);
            var center = centers.Slice(j * inputSize, inputSize);
            for (var k = 0; k < inputSize; k++)
            {
                gradient[k] -= sum * center[k];
            }
        }
    }

    /// <summary>∂L/∂x = e·C − diag(Σ_units e)·x, from the e that <see cref="ParameterGradients"/> wrote.</summary>
    public static void InputGradient(
        ReadOnlySpan<float> kernelDelta, ReadOnlySpan<float> input, ReadOnlySpan<float> centers, Span<float> inputDelta, int batch, int inputSize, int units)
    {
        MatrixMultiply.Multiply(kernelDelta, centers, inputDelta, batch, inputSize, units);
        for (var i = 0; i < batch; i++)
        {
            var sum = 0f;
            foreach (var e in kernelDelta.Slice(i * units, units))
            {
                sum += e;
            }

            var x = input.Slice(i * inputSize, inputSize);
            var d = inputDelta.Slice(i * inputSize, inputSize);
            for (var k = 0; k < inputSize; k++)
            {
                d[k] -= sum * x[k];
            }
        }
    }

    /// <summary>γ = 1/(2σ²) for σ = exp(s).</summary>
    public static float Gamma(float logWidth) => 0.5f * MathF.Exp(-2f * logWidth);

    private static float SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> center)
    {
        var width = Vector<float>.Count;
        var sums = Vector<float>.Zero;
        var k = 0;
        for (; k <= x.Length - width; k += width)
        {
            var difference = new Vector<float>(x[k..]) - new Vector<float>(center[k..]);
            sums += difference * difference;
        }

        var sum = Vector.Sum(sums);
        for (; k < x.Length; k++)
        {
            var difference = x[k] - center[k];
            sum += difference * difference;
        }

        return sum;
    }
}

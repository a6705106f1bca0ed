using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.InteropServices;
using NetGen.Cpu;

namespace NetGen.Internal;

/// <summary>
/// Forward and backward of a fully connected layer on row-major batches: inputs [batch, in],
/// weights [units, in], bias [units], pre-activations z and activations a [batch, units].
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DenseKernels
{
    /// <summary>z = x·Wᵀ + b, a = f(z): the product, then bias and activation in one pass. <paramref name="output"/> may be <paramref name="preActivation"/> itself.</summary>
    public static void Forward<TActivation>(
        ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        Span<float> preActivation, Span<float> output, int batch, int inputSize, int units, TActivation activation)
        where TActivation : struct, IActivation
    {
        MatrixMultiply.MultiplyTransposedB(input, weight, preActivation, batch, units, inputSize);
        var count = batch * units;
        var z = preActivation[..count];
        var a = output[..count];
        if (typeof(TActivation) == typeof(ReluActivation) || typeof(TActivation) == typeof(IdentityActivation))
        {
            AddBiasVectorized(z, a, bias, units, relu: typeof(TActivation) == typeof(ReluActivation));
            return;
        }

        if (ActivationSpans.Vectorizes<TActivation>())
        {
            AddBiasVectorized(z, a, bias, units, relu: false);
            unsafe
            {
                fixed (float* values = a)
                {
                    ActivationSpans.Apply(values, values, count, activation);
                }
            }

            return;
        }

        for (var row = 0; row < count; row += units)
        {
            var zRow = z.Slice(row, units);
            var aRow = a.Slice(row, units);
            if (bias.IsEmpty)
            {
                for (var j = 0; j < units; j++)
                {
                    aRow[j] = activation.Apply(zRow[j]);
                }
            }
            else
            {
                for (var j = 0; j < units; j++)
                {
                    var value = zRow[j] + bias[j];
                    zRow[j] = value;
                    aRow[j] = activation.Apply(value);
                }
            }
        }
    }

    /// <summary>The common activations without a branch per element: z += b, then a = z or max(z, 0).</summary>
    private static void AddBiasVectorized(Span<float> z, Span<float> a, ReadOnlySpan<float> bias, int units, bool relu)
    {
        var width = Vector<float>.Count;
        for (var row = 0; row < z.Length; row += units)
        {
            var zRow = z.Slice(row, units);
            var aRow = a.Slice(row, units);
            var j = 0;
            for (; j <= units - width; j += width)
            {
                var value = new Vector<float>(zRow[j..]);
                if (!bias.IsEmpty)
                {
                    value += new Vector<float>(bias[j..]);
                    value.CopyTo(zRow[j..]);
                }

                (relu ? Vector.Max(value, Vector<float>.Zero) : value).CopyTo(aRow[j..]);
            }

            for (; j < units; j++)
            {
                var value = bias.IsEmpty ? zRow[j] : zRow[j] + bias[j];
                zRow[j] = value;
                aRow[j] = relu && !(value > 0f) ? 0f : value;
            }
        }
    }

    /// <summary>z = x·Wᵀ + b, a = softmax(z) over each row's units.</summary>
    public static void ForwardSoftmax(
        ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        Span<float> preActivation, Span<float> output, int batch, int inputSize, int units)
    {
        Forward(input, weight, bias, preActivation, preActivation, batch, inputSize, units, default(IdentityActivation));
        SoftmaxKernels.Softmax(preActivation, output, batch, units);
    }

    /// <summary>z = x·Wᵀ + b, a = z for z &gt; 0 else αⱼ·z, with one learned α per unit.</summary>
    public static void ForwardPRelu(
        ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, ReadOnlySpan<float> alpha,
        Span<float> preActivation, Span<float> output, int batch, int inputSize, int units)
    {
        Forward(input, weight, bias, preActivation, preActivation, batch, inputSize, units, default(IdentityActivation));
        for (var row = 0; row < batch * units; row += units)
        {
            for (var j = 0; j < units; j++)
            {
                var z = preActivation[row + j];
                output[row + j] = z > 0f ? z : alpha[j] * z;
            }
        }
    }

    /// <summary>Turns ∂L/∂a into ∂L/∂z in place: δ ← δ ⊙ f'(z).</summary>
    public static void ActivationBackward<TActivation>(
        ReadOnlySpan<float> preActivation, ReadOnlySpan<float> output, Span<float> delta, int count, TActivation activation)
        where TActivation : struct, IActivation
    {
        var z = preActivation[..count];
        var a = output[..count];
        var d = delta[..count];
        var i = 0;
        if (typeof(TActivation) == typeof(ReluActivation))
        {
            // δ where z > 0, else 0: a select, not a branch that mispredicts on every other element.
            var zVectors = MemoryMarshal.Cast<float, Vector<float>>(z);
            var dVectors = MemoryMarshal.Cast<float, Vector<float>>(d);
            for (var v = 0; v < dVectors.Length; v++)
            {
                dVectors[v] = Vector.ConditionalSelect(Vector.GreaterThan(zVectors[v], Vector<float>.Zero), dVectors[v], Vector<float>.Zero);
            }

            i = dVectors.Length * Vector<float>.Count;
        }

        for (; i < d.Length; i++)
        {
            d[i] *= activation.Derivative(z[i], a[i]);
        }
    }

    /// <summary>Softmax's Jacobian applied in place: δⱼ ← aⱼ (δⱼ − Σₖ δₖ aₖ).</summary>
    public static void SoftmaxBackward(ReadOnlySpan<float> output, Span<float> delta, int batch, int units)
    {
        for (var row = 0; row < batch * units; row += units)
        {
            var a = output.Slice(row, units);
            var d = delta.Slice(row, units);
            var dot = 0f;
            for (var j = 0; j < units; j++)
            {
                dot += d[j] * a[j];
            }

            for (var j = 0; j < units; j++)
            {
                d[j] = a[j] * (d[j] - dot);
            }
        }
    }

    /// <summary>PReLU backward: ∂L/∂αⱼ = Σ δ·z over z ≤ 0 (overwriting <paramref name="alphaGradient"/>), then δ ← δ·(1 or αⱼ).</summary>
    public static void PReluBackward(
        ReadOnlySpan<float> preActivation, ReadOnlySpan<float> alpha, Span<float> delta, Span<float> alphaGradient, int batch, int units)
    {
        alphaGradient[..units].Clear();
        for (var row = 0; row < batch * units; row += units)
        {
            for (var j = 0; j < units; j++)
            {
                var z = preActivation[row + j];
                if (z <= 0f)
                {
                    alphaGradient[j] += delta[row + j] * z;
                    delta[row + j] *= alpha[j];
                }
            }
        }
    }

    /// <summary>∂L/∂W = δᵀ·x and ∂L/∂b = Σ_batch δ, overwriting both gradients. An empty <paramref name="biasGradient"/> means no bias.</summary>
    public static void ParameterGradients(
        ReadOnlySpan<float> delta, ReadOnlySpan<float> input, Span<float> weightGradient, Span<float> biasGradient,
        int batch, int inputSize, int units)
    {
        MatrixMultiply.MultiplyTransposedA(delta, input, weightGradient, units, inputSize, batch);
        if (biasGradient.IsEmpty)
        {
            return;
        }

        var sums = biasGradient[..units];
        delta[..units].CopyTo(sums);
        for (var row = units; row < batch * units; row += units)
        {
            var d = delta.Slice(row, units);
            for (var j = 0; j < units; j++)
            {
                sums[j] += d[j];
            }
        }
    }

    /// <summary>∂L/∂x = δ·W, the delta handed to the layer below.</summary>
    public static void InputGradient(
        ReadOnlySpan<float> delta, ReadOnlySpan<float> weight, Span<float> inputDelta, int batch, int inputSize, int units) =>
        MatrixMultiply.Multiply(delta, weight, inputDelta, batch, inputSize, units);
}

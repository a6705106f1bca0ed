using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>
/// An element-wise activation. Kernels are generic over a struct implementing it, so the JIT emits one
/// specialised loop per activation with the calls inlined: no delegate, no virtual call per element.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IActivation
{
    /// <summary>f(z).</summary>
    float Apply(float z);

    /// <summary>f'(z), given both z and a = f(z) (each activation uses whichever is cheaper).</summary>
    float Derivative(float z, float a);
}

/// <summary>f(z) = z.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct IdentityActivation : IActivation
{
    public float Apply(float z) => z;

    public float Derivative(float z, float a) => 1f;
}

/// <summary>f(z) = 1 for z ≥ 0, else 0; f' = 0.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct BinaryStepActivation : IActivation
{
    public float Apply(float z) => z >= 0f ? 1f : 0f;

    public float Derivative(float z, float a) => 0f;
}

/// <summary>f(z) = 1 / (1 + e^−z); f' = a(1 − a).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SigmoidActivation : IActivation
{
    public float Apply(float z) => Sigmoid(z);

    public float Derivative(float z, float a) => a * (1f - a);

    internal static float Sigmoid(float z)
    {
        if (z >= 0f)
        {
            return 1f / (1f + MathF.Exp(-z));
        }

        var e = MathF.Exp(z);
        return e / (1f + e);
    }
}

/// <summary>f(z) = tanh z; f' = 1 − a².</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct TanhActivation : IActivation
{
    public float Apply(float z) => MathF.Tanh(z);

    public float Derivative(float z, float a) => 1f - (a * a);
}

/// <summary>f(z) = atan z; f' = 1 / (1 + z²).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ArcTanActivation : IActivation
{
    public float Apply(float z) => MathF.Atan(z);

    public float Derivative(float z, float a) => 1f / (1f + (z * z));
}

/// <summary>f(z) = max(0, z); f' = 1 for z &gt; 0, else 0.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ReluActivation : IActivation
{
    public float Apply(float z) => z > 0f ? z : 0f;

    public float Derivative(float z, float a) => z > 0f ? 1f : 0f;
}

/// <summary>f(z) = z for z &gt; 0, else α·z; f' = 1 or α.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct LeakyReluActivation(float alpha) : IActivation
{
    public float Apply(float z) => z > 0f ? z : alpha * z;

    public float Derivative(float z, float a) => z > 0f ? 1f : alpha;
}

/// <summary>f(z) = z for z &gt; 0, else α(e^z − 1); f' = 1 or a + α.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct EluActivation(float alpha) : IActivation
{
    /// <summary>α, the value f approaches as z → −∞ is −α.</summary>
    public float Alpha => alpha;

    public float Apply(float z) => z > 0f ? z : alpha * (MathF.Exp(z) - 1f);

    public float Derivative(float z, float a) => z > 0f ? 1f : a + alpha;
}

/// <summary>f(z) = ln(1 + e^z), computed without overflow; f' = sigmoid(z).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SoftPlusActivation : IActivation
{
    public float Apply(float z) => MathF.Max(z, 0f) + MathF.Log(1f + MathF.Exp(-MathF.Abs(z)));

    public float Derivative(float z, float a) => SigmoidActivation.Sigmoid(z);
}

/// <summary>An activation that adds noise in a training step: <see cref="IActivation.Apply"/> is its inference form.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface INoisyActivation : IActivation
{
    /// <summary>f(z) in a training step, given the value's standard normal draw ε.</summary>
    float ApplyWithNoise(float z, float noise);
}

/// <summary>
/// Noisy ReLU: f(z) = max(0, z + √σ(z)·ε) in training, max(0, z) in inference; f' = 1 + ε·√σ(z)·(1 − σ(z))/2 where
/// the result is positive, else 0. ε·√σ(z) is a − z wherever a &gt; 0, so the derivative needs no draw: in inference a = z
/// there and it is ReLU's 1.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct NoisyReluActivation : INoisyActivation
{
    public float Apply(float z) => z > 0f ? z : 0f;

    public float ApplyWithNoise(float z, float noise) => Apply(z + (MathF.Sqrt(SigmoidActivation.Sigmoid(z)) * noise));

    public float Derivative(float z, float a) => a > 0f ? 1f + (0.5f * (a - z) * (1f - SigmoidActivation.Sigmoid(z))) : 0f;
}

using System.Numerics;

namespace NetGen.Optimizers;

/// <summary>
/// The per-element gradient transform an optimizer applies inside its fused update pass:
/// g′ = clamp(s·g, −c, c) + λ₂·θ + λ₁·sign(θ), where s is the norm-clipping scale (1 when off),
/// c the value-clipping bound (+∞ when off), λ₂ the L2 weight decay (0 when off or decoupled) and λ₁ the L1 decay
/// (0 when off), with sign(0) = 0. The L2 term is fused with the clamped gradient, clamp(s·g) + λ₂·θ rounded once, as PyTorch
/// rounds it: when g ≈ −λ₂θ two roundings would leave an error that an adaptive optimizer's normalised step magnifies.
/// With every option off the transform returns g exactly.
/// </summary>
public readonly struct GradientTransform
{
    internal GradientTransform(float scale, float clipBound, float l2WeightDecay, float l1WeightDecay)
    {
        Scale = scale;
        ClipBound = clipBound;
        L2WeightDecay = l2WeightDecay;
        L1WeightDecay = l1WeightDecay;
    }

    /// <summary>Factor from <see cref="Optimizer.ClipNorm"/>: min(1, ClipNorm / ‖g‖), or 1 when norm clipping is off.</summary>
    public float Scale { get; }

    /// <summary>Bound from <see cref="Optimizer.ClipValue"/>, or +∞ when value clipping is off.</summary>
    public float ClipBound { get; }

    /// <summary>λ of the classic L2 decay added to the gradient; 0 for decoupled decay (AdamW).</summary>
    public float L2WeightDecay { get; }

    /// <summary>λ₁ of the L1 decay added to the gradient as λ₁·sign(θ) (<see cref="Optimizer.L1Decay"/>); 0 when off.</summary>
    public float L1WeightDecay { get; }

    /// <summary>Transforms one gradient element given the parameter it belongs to.</summary>
    public float Apply(float gradient, float parameter)
        => Apply(new ScalarLane(gradient), new ScalarLane(parameter)).Value;

    /// <summary>Transforms a vector of gradient elements given the parameters they belong to.</summary>
    public Vector<float> Apply(Vector<float> gradient, Vector<float> parameter)
        => Apply(new VectorLanes(gradient), new VectorLanes(parameter)).Value;

    /// <summary>Transforms a group of gradient lanes given the parameters they belong to.</summary>
    internal TLanes Apply<TLanes>(TLanes gradient, TLanes parameter)
        where TLanes : struct, IFloatLanes<TLanes>
        => TLanes.FusedMultiplyAdd(parameter, L2WeightDecay, TLanes.Clamp(gradient * Scale, -ClipBound, ClipBound))
           + L1WeightDecay * TLanes.Sign(parameter);
}

using System;

namespace NetGen.Optimizers;

/// <summary>
/// Adam (PyTorch <c>Adam</c>, amsgrad off), with t the step number starting at 1:
/// m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; m̂ = m / (1−β1ᵗ); v̂ = v / (1−β2ᵗ);
/// θ ← θ − η·m̂ / (√v̂ + ε), with m and v starting at 0.
/// <see cref="Optimizer.WeightDecay"/> is classic L2 decay here (added to g); see <see cref="AdamW"/> for decoupled decay.
/// </summary>
/// <remarks>
/// As PyTorch does, the bias corrections are folded into two per-step scalars:
/// θ ← θ − (η / (1−β1ᵗ))·m / (√v · (1/√(1−β2ᵗ)) + ε).
/// </remarks>
public class Adam : Optimizer
{
    private float[] _firstMoment = [];
    private float[] _secondMoment = [];
    private UpdateJob<AdamRule>? _updateJob;

    /// <param name="learningRate">η; positive and finite.</param>
    /// <param name="beta1">β1, the decay of the first-moment average; in [0, 1).</param>
    /// <param name="beta2">β2, the decay of the second-moment average; in [0, 1).</param>
    /// <param name="epsilon">ε; positive and finite.</param>
    public Adam(float learningRate = 0.001f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
        : base(learningRate)
    {
        Beta1 = HyperParameter.RequireDecayRate(beta1, nameof(beta1));
        Beta2 = HyperParameter.RequireDecayRate(beta2, nameof(beta2));
        Epsilon = HyperParameter.RequirePositiveFinite(epsilon, nameof(epsilon));
    }

    /// <summary>β1, the decay of the running average m of g.</summary>
    public float Beta1 { get; }

    /// <summary>β2, the decay of the running average v of g².</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to the denominator for numerical stability.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "Adam";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters()
        => $"β1={Format(Beta1)}, β2={Format(Beta2)}, ε={Format(Epsilon)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length)
    {
        _firstMoment = new float[length];
        _secondMoment = new float[length];
    }

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
        => (_updateJob ??= new UpdateJob<AdamRule>()).Update(
            new AdamRule(Beta1, Beta2, Epsilon, StepScalars(StepCount)), gradientTransform,
            parameters, gradients, _firstMoment, _secondMoment);

    /// <summary>Step <paramref name="step"/>'s (1 on the first) bias corrections and retained fraction.</summary>
    internal AdamStepScalars StepScalars(long step) => new(
        StepSize: (float)(LearningRate / (1.0 - Math.Pow(Beta1, step))),
        InverseSqrtSecondCorrection: (float)(1.0 / Math.Sqrt(1.0 - Math.Pow(Beta2, step))),
        // Exactly 1 unless AdamW decouples the decay: θ ← θ·(1 − η·λ) before the Adam step, as PyTorch.
        RetainedFraction: DecouplesWeightDecay ? (float)(1.0 - (double)LearningRate * WeightDecay) : 1f);
}

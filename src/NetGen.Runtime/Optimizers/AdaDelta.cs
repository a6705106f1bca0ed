using System;

namespace NetGen.Optimizers;

/// <summary>
/// AdaDelta (PyTorch <c>Adadelta</c>):
/// E[g²] ← ρ·E[g²] + (1−ρ)·g²; Δ ← √(E[Δ²] + ε) / √(E[g²] + ε) · g;
/// E[Δ²] ← ρ·E[Δ²] + (1−ρ)·Δ²; θ ← θ − η·Δ, with both averages starting at 0.
/// </summary>
public sealed class AdaDelta : Optimizer
{
    private float[] _meanSquaredGradient = [];
    private float[] _meanSquaredDelta = [];
    private UpdateJob<AdaDeltaRule>? _updateJob;

    /// <param name="learningRate">η, scaling Δ; positive and finite.</param>
    /// <param name="rho">ρ, the decay of both running averages; in [0, 1).</param>
    /// <param name="epsilon">ε; positive and finite.</param>
    public AdaDelta(float learningRate = 1.0f, float rho = 0.9f, float epsilon = 1e-6f)
        : base(learningRate)
    {
        Rho = HyperParameter.RequireDecayRate(rho, nameof(rho));
        Epsilon = HyperParameter.RequirePositiveFinite(epsilon, nameof(epsilon));
    }

    /// <summary>ρ, the decay of the running averages E[g²] and E[Δ²].</summary>
    public float Rho { get; }

    /// <summary>ε, added under both square roots for numerical stability.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "AdaDelta";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters() => $"ρ={Format(Rho)}, ε={Format(Epsilon)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length)
    {
        _meanSquaredGradient = new float[length];
        _meanSquaredDelta = new float[length];
    }

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
        => (_updateJob ??= new UpdateJob<AdaDeltaRule>()).Update(
            new AdaDeltaRule(LearningRate, Rho, Epsilon), gradientTransform, parameters, gradients, _meanSquaredGradient, _meanSquaredDelta);
}

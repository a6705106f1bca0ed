using System;

namespace NetGen.Optimizers;

/// <summary>
/// RMSProp (PyTorch <c>RMSprop</c> with alpha = ρ, not centered, no momentum):
/// E ← ρ·E + (1−ρ)·g²; θ ← θ − η·g / (√E + ε), with E starting at 0.
/// </summary>
public sealed class RmsProp : Optimizer
{
    private float[] _meanSquaredGradient = [];
    private UpdateJob<RmsPropRule>? _updateJob;

    /// <param name="learningRate">η; positive and finite.</param>
    /// <param name="rho">ρ, the decay of the running average of g²; in [0, 1).</param>
    /// <param name="epsilon">ε; positive and finite.</param>
    public RmsProp(float learningRate = 0.001f, float rho = 0.9f, float epsilon = 1e-8f)
        : base(learningRate)
    {
        Rho = HyperParameter.RequireDecayRate(rho, nameof(rho));
        Epsilon = HyperParameter.RequirePositiveFinite(epsilon, nameof(epsilon));
    }

    /// <summary>ρ, the decay of the running average E of g².</summary>
    public float Rho { get; }

    /// <summary>ε, added to the denominator for numerical stability.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "RmsProp";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters() => $"ρ={Format(Rho)}, ε={Format(Epsilon)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length) => _meanSquaredGradient = new float[length];

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
        => (_updateJob ??= new UpdateJob<RmsPropRule>()).Update(
            new RmsPropRule(LearningRate, Rho, Epsilon), gradientTransform, parameters, gradients, _meanSquaredGradient);
}

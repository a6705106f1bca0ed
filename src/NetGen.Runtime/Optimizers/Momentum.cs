using System;

namespace NetGen.Optimizers;

/// <summary>
/// SGD with heavy-ball momentum (PyTorch <c>SGD(momentum=μ)</c>, dampening 0):
/// v ← μ·v + g; θ ← θ − η·v, with v starting at 0.
/// </summary>
public sealed class Momentum : Optimizer
{
    private float[] _velocity = [];
    private UpdateJob<MomentumRule>? _updateJob;

    /// <param name="learningRate">η; positive and finite.</param>
    /// <param name="momentum">μ; in [0, 1).</param>
    public Momentum(float learningRate = 0.01f, float momentum = 0.9f)
        : base(learningRate)
    {
        MomentumFactor = HyperParameter.RequireDecayRate(momentum, nameof(momentum));
    }

    /// <summary>μ, the fraction of the velocity kept from one step to the next.</summary>
    public float MomentumFactor { get; }

    /// <inheritdoc/>
    public override string Name => "Momentum";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters() => $"μ={Format(MomentumFactor)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length) => _velocity = new float[length];

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
        => (_updateJob ??= new UpdateJob<MomentumRule>()).Update(
            new MomentumRule(LearningRate, MomentumFactor), gradientTransform, parameters, gradients, _velocity);
}

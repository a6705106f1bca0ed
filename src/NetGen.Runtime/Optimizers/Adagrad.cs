using System;

namespace NetGen.Optimizers;

/// <summary>
/// Adagrad (PyTorch <c>Adagrad</c> with lr_decay 0 and initial accumulator 0):
/// G ← G + g²; θ ← θ − η·g / (√G + ε).
/// </summary>
public sealed class Adagrad : Optimizer
{
    private float[] _sumOfSquaredGradients = [];
    private UpdateJob<AdagradRule>? _updateJob;

    /// <param name="learningRate">η; positive and finite.</param>
    /// <param name="epsilon">ε; positive and finite.</param>
    public Adagrad(float learningRate = 0.01f, float epsilon = 1e-10f)
        : base(learningRate)
    {
        Epsilon = HyperParameter.RequirePositiveFinite(epsilon, nameof(epsilon));
    }

    /// <summary>ε, added to the denominator for numerical stability.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "Adagrad";

    /// <inheritdoc/>
    protected override string DescribeHyperParameters() => $"ε={Format(Epsilon)}";

    /// <inheritdoc/>
    protected override void InitializeState(int length) => _sumOfSquaredGradients = new float[length];

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
        => (_updateJob ??= new UpdateJob<AdagradRule>()).Update(
            new AdagradRule(LearningRate, Epsilon), gradientTransform, parameters, gradients, _sumOfSquaredGradients);
}

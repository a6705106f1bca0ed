using System;

namespace NetGen.Optimizers;

/// <summary>
/// Plain stochastic gradient descent (PyTorch <c>SGD</c> without momentum): θ ← θ − η·g.
/// </summary>
public sealed class Sgd : Optimizer
{
    private UpdateJob<SgdRule>? _updateJob;

    /// <param name="learningRate">η; positive and finite.</param>
    public Sgd(float learningRate = 0.01f)
        : base(learningRate)
    {
    }

    /// <inheritdoc/>
    public override string Name => "Sgd";

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
        => (_updateJob ??= new UpdateJob<SgdRule>()).Update(
            new SgdRule(LearningRate), gradientTransform, parameters, gradients);
}

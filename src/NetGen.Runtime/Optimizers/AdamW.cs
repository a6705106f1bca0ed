namespace NetGen.Optimizers;

/// <summary>
/// AdamW (PyTorch <c>AdamW</c>, amsgrad off): Adam with decoupled weight decay applied first,
/// θ ← θ − η·λ·θ, then the <see cref="Adam"/> update on the undecayed gradient g:
/// m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; m̂ = m / (1−β1ᵗ); v̂ = v / (1−β2ᵗ); θ ← θ − η·m̂ / (√v̂ + ε).
/// <see cref="Optimizer.WeightDecay"/> (λ) defaults to 0.01 here.
/// </summary>
public sealed class AdamW : Adam
{
    /// <param name="learningRate">η; positive and finite.</param>
    /// <param name="beta1">β1, the decay of the first-moment average; in [0, 1).</param>
    /// <param name="beta2">β2, the decay of the second-moment average; in [0, 1).</param>
    /// <param name="epsilon">ε; positive and finite.</param>
    public AdamW(float learningRate = 0.001f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
        : base(learningRate, beta1, beta2, epsilon)
    {
        WeightDecay = 0.01f;
    }

    /// <inheritdoc/>
    public override string Name => "AdamW";

    /// <inheritdoc/>
    protected override bool DecouplesWeightDecay => true;
}

namespace NetGen.Optimizers;

/// <summary>
/// <see cref="AdaDelta"/>'s update: E[g²] ← ρ·E[g²] + (1−ρ)·g²; Δ ← √(E[Δ²] + ε) / √(E[g²] + ε) · g;
/// E[Δ²] ← ρ·E[Δ²] + (1−ρ)·Δ²; θ ← θ − η·Δ. The states are E[g²] and E[Δ²].
/// </summary>
internal readonly struct AdaDeltaRule(float learningRate, float rho, float epsilon) : IUpdateRule
{
    private readonly float _oneMinusRho = 1f - rho;

    public static int StateBufferCount => 2;

    public void Update<TLanes>(ref TLanes parameter, TLanes gradient, ref TLanes meanSquaredGradient, ref TLanes meanSquaredDelta)
        where TLanes : struct, IFloatLanes<TLanes>
    {
        meanSquaredGradient = rho * meanSquaredGradient + _oneMinusRho * gradient * gradient;
        TLanes delta = TLanes.Sqrt(meanSquaredDelta + epsilon) / TLanes.Sqrt(meanSquaredGradient + epsilon) * gradient;
        meanSquaredDelta = rho * meanSquaredDelta + _oneMinusRho * delta * delta;
        parameter = parameter - learningRate * delta;
    }
}

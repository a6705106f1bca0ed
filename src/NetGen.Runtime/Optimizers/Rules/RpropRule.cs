namespace NetGen.Optimizers;

/// <summary>
/// <see cref="Rprop"/>'s update (iRPROP−): with a = sign(g)·sign(g_prev), Δ ← clamp(Δ·η+, Δmin, Δmax) where a &gt; 0,
/// clamp(Δ·η−, Δmin, Δmax) and g ← 0 where a &lt; 0, clamp(Δ, Δmin, Δmax) where a = 0; θ ← θ − sign(g)·Δ; g_prev ← g.
/// The states are g_prev and Δ; a Δ of 0 (as the state starts, and as the CUDA backend resets it) stands for Δ0.
/// </summary>
internal readonly struct RpropRule(float initialStepSize, float etaMinus, float etaPlus, float minStepSize, float maxStepSize) : IUpdateRule
{
    public static int StateBufferCount => 2;

    public void Update<TLanes>(ref TLanes parameter, TLanes gradient, ref TLanes previousGradient, ref TLanes stepSize)
        where TLanes : struct, IFloatLanes<TLanes>
    {
        // The product of the signs rather than the sign of the product, which could underflow to 0 (or be NaN) and is
        // exact here: each factor is −1, 0 or +1.
        TLanes agreement = TLanes.Sign(gradient) * TLanes.Sign(previousGradient);
        TLanes factor = TLanes.WherePositive(
            agreement, TLanes.Create(etaPlus), TLanes.WhereNegative(agreement, TLanes.Create(etaMinus), TLanes.Create(1f)));
        TLanes step = TLanes.WherePositive(stepSize, stepSize, TLanes.Create(initialStepSize));
        stepSize = TLanes.Clamp(step * factor, minStepSize, maxStepSize);

        // After a sign change the gradient is forgotten: no step now, and the next step neither grows nor shrinks Δ.
        TLanes kept = TLanes.WhereNegative(agreement, TLanes.Create(0f), gradient);
        parameter = parameter - TLanes.Sign(kept) * stepSize;
        previousGradient = kept;
    }
}

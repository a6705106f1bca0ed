namespace NetGen.Optimizers;

/// <summary><see cref="RmsProp"/>'s update: E ← ρ·E + (1−ρ)·g²; θ ← θ − η·g / (√E + ε). The first state is E.</summary>
internal readonly struct RmsPropRule(float learningRate, float rho, float epsilon) : IUpdateRule
{
    private readonly float _oneMinusRho = 1f - rho;

    public static int StateBufferCount => 1;

    public void Update<TLanes>(ref TLanes parameter, TLanes gradient, ref TLanes meanSquare, ref TLanes secondState)
        where TLanes : struct, IFloatLanes<TLanes>
    {
        meanSquare = rho * meanSquare + _oneMinusRho * gradient * gradient;
        parameter = parameter - learningRate * gradient / (TLanes.Sqrt(meanSquare) + epsilon);
    }
}

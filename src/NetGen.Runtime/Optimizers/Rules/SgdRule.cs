namespace NetGen.Optimizers;

/// <summary><see cref="Sgd"/>'s update: θ ← θ − η·g.</summary>
internal readonly struct SgdRule(float learningRate) : IUpdateRule
{
    public static int StateBufferCount => 0;

    public void Update<TLanes>(ref TLanes parameter, TLanes gradient, ref TLanes firstState, ref TLanes secondState)
        where TLanes : struct, IFloatLanes<TLanes>
        => parameter = parameter - learningRate * gradient;
}

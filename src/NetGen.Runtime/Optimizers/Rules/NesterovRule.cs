namespace NetGen.Optimizers;

/// <summary><see cref="Nesterov"/>'s update: v ← μ·v + g; θ ← θ − η·(g + μ·v). The first state is v.</summary>
internal readonly struct NesterovRule(float learningRate, float momentum) : IUpdateRule
{
    public static int StateBufferCount => 1;

    public void Update<TLanes>(ref TLanes parameter, TLanes gradient, ref TLanes velocity, ref TLanes secondState)
        where TLanes : struct, IFloatLanes<TLanes>
    {
        velocity = momentum * velocity + gradient;
        parameter = parameter - learningRate * (gradient + momentum * velocity);
    }
}

namespace NetGen.Optimizers;

/// <summary><see cref="Adagrad"/>'s update: G ← G + g²; θ ← θ − η·g / (√G + ε). The first state is G.</summary>
internal readonly struct AdagradRule(float learningRate, float epsilon) : IUpdateRule
{
    public static int StateBufferCount => 1;

    public void Update<TLanes>(ref TLanes parameter, TLanes gradient, ref TLanes sumOfSquares, ref TLanes secondState)
        where TLanes : struct, IFloatLanes<TLanes>
    {
        sumOfSquares = sumOfSquares + gradient * gradient;
        parameter = parameter - learningRate * gradient / (TLanes.Sqrt(sumOfSquares) + epsilon);
    }
}

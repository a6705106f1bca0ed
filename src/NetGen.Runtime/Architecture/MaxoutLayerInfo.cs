namespace NetGen;

/// <summary>Maxout: yⱼ = maxₖ zⱼ·pieces+ₖ with z = W·x + b, W shaped [units × pieces, inputs], so a unit's pieces are adjacent rows.</summary>
public sealed class MaxoutLayerInfo : LayerInfo
{
    /// <summary>Describes a maxout layer; the generator writes these.</summary>
    public MaxoutLayerInfo(string name, int[] inputShape, int[] outputShape, ParameterTensor weight, ParameterTensor? bias, int pieces)
        : base(name, LayerKind.Maxout, inputShape, outputShape, [weight, bias], [])
    {
        Weight = weight;
        Bias = bias;
        Pieces = pieces;
    }

    /// <summary>The weights, shaped [units × pieces, inputs], row unit·pieces + piece.</summary>
    public ParameterTensor Weight { get; }

    /// <summary>One bias per piece in the weights' row order, or null for a layer declared with <c>Bias = false</c>.</summary>
    public ParameterTensor? Bias { get; }

    /// <summary>Linear pieces per unit.</summary>
    public int Pieces { get; }
}

namespace NetGen;

/// <summary>A fully connected layer, y = f(W·x + b) with W shaped [outputs, inputs].</summary>
public sealed class DenseLayerInfo : LayerInfo
{
    /// <summary>Describes a dense layer; the generator writes these.</summary>
    public DenseLayerInfo(string name, int[] inputShape, int[] outputShape, LayerActivation activation, ParameterTensor weight, ParameterTensor? bias, float dropConnect)
        : base(name, LayerKind.Dense, inputShape, outputShape, [weight, bias, activation.LearnedAlpha], [])
    {
        Activation = activation;
        Weight = weight;
        Bias = bias;
        DropConnect = dropConnect;
    }

    /// <summary>The activation applied to W·x + b.</summary>
    public LayerActivation Activation { get; }

    /// <summary>The weights, shaped [outputs, inputs].</summary>
    public ParameterTensor Weight { get; }

    /// <summary>The biases, one per output, or null for a layer declared with <c>Bias = false</c>.</summary>
    public ParameterTensor? Bias { get; }

    /// <summary>The probability of dropping a weight in a training step (0 for none); inference uses the weights unchanged.</summary>
    public float DropConnect { get; }
}

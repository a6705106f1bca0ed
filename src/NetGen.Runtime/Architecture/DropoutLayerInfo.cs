namespace NetGen;

/// <summary>Inverted dropout: in a training step each value is zeroed with probability <see cref="Rate"/> and the others scaled by 1 / (1 − rate); in inference every value passes unchanged.</summary>
public sealed class DropoutLayerInfo : LayerInfo
{
    /// <summary>Describes a dropout layer; the generator writes these.</summary>
    public DropoutLayerInfo(string name, int[] inputShape, int[] outputShape, float rate)
        : base(name, LayerKind.Dropout, inputShape, outputShape, [], []) => Rate = rate;

    /// <summary>The probability of dropping a value in a training step.</summary>
    public float Rate { get; }
}

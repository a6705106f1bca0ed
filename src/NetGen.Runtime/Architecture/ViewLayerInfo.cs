namespace NetGen;

/// <summary>A layer that only views the floats of the layer below under its <see cref="LayerInfo.OutputShape"/>: <see cref="LayerKind.Flatten"/> or <see cref="LayerKind.Reshape"/>.</summary>
public sealed class ViewLayerInfo : LayerInfo
{
    /// <summary>Describes a view of <paramref name="kind"/> <see cref="LayerKind.Flatten"/> or <see cref="LayerKind.Reshape"/>; the generator writes these.</summary>
    public ViewLayerInfo(string name, int[] inputShape, int[] outputShape, LayerKind kind)
        : base(name, kind is LayerKind.Flatten or LayerKind.Reshape ? kind : throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Not a view kind."),
            inputShape, outputShape, [], [])
    {
    }
}

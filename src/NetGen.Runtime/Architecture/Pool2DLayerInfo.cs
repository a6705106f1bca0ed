namespace NetGen;

/// <summary>
/// Max or average pooling per channel (<see cref="LayerInfo.Kind"/> says which): <see cref="Window"/>² windows moved by
/// <see cref="Stride"/> over the input padded by <see cref="Padding"/> on every side. Padded cells never win a max and
/// count as zeros in an average (which always divides by <see cref="Window"/>²).
/// </summary>
public sealed class Pool2DLayerInfo : LayerInfo
{
    /// <summary>Describes a pooling layer of <paramref name="kind"/> <see cref="LayerKind.MaxPool2D"/> or <see cref="LayerKind.AvgPool2D"/>; the generator writes these.</summary>
    public Pool2DLayerInfo(string name, int[] inputShape, int[] outputShape, LayerKind kind, int window, int stride, int padding)
        : base(name, kind is LayerKind.MaxPool2D or LayerKind.AvgPool2D ? kind : throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Not a pooling kind."),
            inputShape, outputShape, [], [])
    {
        Window = window;
        Stride = stride;
        Padding = padding;
    }

    /// <summary>The window's height and width.</summary>
    public int Window { get; }

    /// <summary>The step between windows, down and across.</summary>
    public int Stride { get; }

    /// <summary>Cells added on each side, top, bottom, left and right.</summary>
    public int Padding { get; }
}

namespace NetGen;

/// <summary>One sample as an image: <see cref="Channels"/> planes of <see cref="Height"/> rows of <see cref="Width"/> floats.</summary>
internal readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Floats per plane.</summary>
    public int PlaneSize => Height * Width;

    /// <summary>Floats per sample.</summary>
    public int Size => Channels * PlaneSize;
}

namespace NetGen.Cuda;

/// <summary>Element types of device buffers.</summary>
public enum CudaElementType
{
    /// <summary>32-bit float.</summary>
    Float32,

    /// <summary>32-bit signed integer (max-pooling winners).</summary>
    Int32,

    /// <summary>64-bit float (partial sums of reductions).</summary>
    Float64,
}

/// <summary>
/// A device buffer a network's kernels use: <see cref="FixedElements"/> + <see cref="ElementsPerSample"/> × batch elements.
/// Parameters, gradients and optimizer state are fixed; inputs, targets and layer buffers grow with the batch.
/// </summary>
public sealed record CudaBuffer(string Name, CudaElementType ElementType, long FixedElements, long ElementsPerSample)
{
    /// <summary>Bytes per element.</summary>
    public int ElementBytes => ElementType == CudaElementType.Float64 ? 8 : 4;

    /// <summary>Elements for the given batch size.</summary>
    public long Elements(int batchSize) => FixedElements + (ElementsPerSample * batchSize);

    /// <summary>Bytes for the given batch size.</summary>
    public long Bytes(int batchSize) => Elements(batchSize) * ElementBytes;
}

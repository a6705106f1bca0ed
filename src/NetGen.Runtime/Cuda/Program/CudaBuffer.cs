using System;

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
/// A device buffer a network's kernels use: <see cref="FixedElements"/> + <see cref="ElementsPerSample"/> × batch elements,
/// at most <see cref="MaximumElements"/>. Parameters, gradients and optimizer state are fixed; inputs, targets and layer
/// buffers grow with the batch; the partial sums of a split weight gradient grow with it up to a bounded number of splits.
/// </summary>
public sealed record CudaBuffer(string Name, CudaElementType ElementType, long FixedElements, long ElementsPerSample, long MaximumElements = long.MaxValue)
{
    /// <summary>Bytes per element.</summary>
    public int ElementBytes => ElementType == CudaElementType.Float64 ? 8 : 4;

    /// <summary>Elements for the given batch size.</summary>
    public long Elements(int batchSize) => Math.Min(FixedElements + (ElementsPerSample * batchSize), MaximumElements);

    /// <summary>The largest batch for which the buffer holds at most <paramref name="elements"/> elements.</summary>
    public long LargestBatchWithin(long elements) =>
        ElementsPerSample == 0 || MaximumElements <= elements ? (Elements(1) <= elements ? int.MaxValue : 0) : Math.Max(0, (elements - FixedElements) / ElementsPerSample);

    /// <summary>Bytes for the given batch size.</summary>
    public long Bytes(int batchSize) => Elements(batchSize) * ElementBytes;
}

using System;
using System.Collections.Generic;

namespace NetGen.Cuda;

/// <summary>What a kernel argument is bound to at launch.</summary>
public enum CudaArgumentKind
{
    /// <summary>The device address of the named <see cref="CudaBuffer"/>.</summary>
    Buffer,

    /// <summary>The batch size, an <c>int</c>.</summary>
    BatchSize,

    /// <summary>A named <c>float</c> the host supplies per launch (an optimizer's hyper-parameter).</summary>
    Float,

    /// <summary>The mode, an <c>int</c>: 1 in a training step, 0 in inference (evaluation, prediction).</summary>
    Training,

    /// <summary>The network's <see cref="INetwork.Seed"/>, keying the random streams of stochastic layers: an <c>unsigned int</c>.</summary>
    RandomSeed,

    /// <summary>The number of the training step being taken, the counter of those streams: an <c>unsigned long long</c>.</summary>
    TrainingStep,
}

/// <summary>One kernel argument, in the kernel's parameter order.</summary>
public sealed record CudaArgument(CudaArgumentKind Kind, string Name)
{
    /// <summary>The device address of buffer <paramref name="name"/>.</summary>
    public static CudaArgument Buffer(string name) => new(CudaArgumentKind.Buffer, name);

    /// <summary>The batch size.</summary>
    public static CudaArgument BatchSize { get; } = new(CudaArgumentKind.BatchSize, "batch");

    /// <summary>A host-supplied float named <paramref name="name"/>.</summary>
    public static CudaArgument Float(string name) => new(CudaArgumentKind.Float, name);

    /// <summary>The mode: 1 training, 0 inference.</summary>
    public static CudaArgument Training { get; } = new(CudaArgumentKind.Training, "training");

    /// <summary>The network's seed.</summary>
    public static CudaArgument RandomSeed { get; } = new(CudaArgumentKind.RandomSeed, "seed");

    /// <summary>The training step.</summary>
    public static CudaArgument TrainingStep { get; } = new(CudaArgumentKind.TrainingStep, "step");
}

/// <summary>
/// One grid dimension as a function of the batch size: ⌈(Fixed + PerSample·batch) / Divisor⌉, at least 1 and at most
/// <see cref="Maximum"/> (a kernel whose work grows beyond that loops over it, as the split weight gradients do).
/// Every size but the batch is a build-time constant, so this is all a launch needs to know.
/// </summary>
public readonly record struct GridDimension(int Fixed, int PerSample, int Divisor, int Maximum = int.MaxValue)
{
    /// <summary>A dimension of exactly <paramref name="count"/> blocks.</summary>
    public static GridDimension Constant(int count) => new(count, 0, 1);

    /// <summary>Blocks for the given batch size.</summary>
    public int Count(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var work = Fixed + ((long)PerSample * batchSize);
        var blocks = (work + Divisor - 1) / Divisor;
        return (int)Math.Clamp(blocks, 1, Math.Max(1, Maximum));
    }

    /// <summary>The largest batch for which <see cref="Count"/> stays within <paramref name="limit"/> blocks.</summary>
    public long LargestBatchWithin(long limit)
    {
        if (PerSample == 0 || Maximum <= limit)
        {
            return Count(1) <= limit ? int.MaxValue : 0;
        }

        return Math.Max(0, ((limit * Divisor) - Fixed) / PerSample);
    }
}

/// <summary>
/// A kernel launch: the kernel's name in the translation unit, its grid (x, y, z) as functions of the batch size, its
/// threads per block (one-dimensional blocks; shared memory is static in the kernels), its arguments in order, and the
/// smallest batch it runs for (a weight gradient's sum of splits has nothing to do while one split covers the batch).
/// A tiled matrix product also has <see cref="SmallTiles"/>, the launch <see cref="For"/> makes instead when its grid is
/// too small to fill the device.
/// </summary>
public sealed record CudaLaunch(
    string Kernel,
    GridDimension GridX,
    GridDimension GridY,
    GridDimension GridZ,
    int BlockThreads,
    IReadOnlyList<CudaArgument> Arguments,
    int MinimumBatch = 1)
{
    /// <summary>
    /// Blocks per multiprocessor below which <see cref="For"/> takes <see cref="SmallTiles"/>: a grid of fewer than twice
    /// the device's multiprocessors leaves most of them idle or running one block, while its small-tile form, with 16
    /// times the blocks, fills them.
    /// </summary>
    public const int SmallTilesBelowBlocksPerMultiprocessor = 2;

    /// <summary>
    /// The same product over 16 × 16 output tiles instead of 64 × 64 (another kernel, summing every output in the same
    /// order, so the results are the same): the same arguments, threads per block, grid z and smallest batch, 4 times the
    /// blocks along x and along y. Null for a launch that is not a tiled product.
    /// </summary>
    public CudaLaunch? SmallTiles { get; init; }

    /// <summary>This launch with <paramref name="kernel"/> over grid <paramref name="gridX"/> × <paramref name="gridY"/> (and this grid z) as its <see cref="SmallTiles"/>.</summary>
    public CudaLaunch WithSmallTiles(string kernel, GridDimension gridX, GridDimension gridY) =>
        this with { SmallTiles = this with { Kernel = kernel, GridX = gridX, GridY = gridY, SmallTiles = null } };

    /// <summary>
    /// The launch to make for a batch of <paramref name="batchSize"/> on a device of <paramref name="multiprocessorCount"/>
    /// multiprocessors: <see cref="SmallTiles"/> where there is one and this launch's grid has fewer than
    /// <see cref="SmallTilesBelowBlocksPerMultiprocessor"/> blocks per multiprocessor, else this launch. A pure function of
    /// its arguments; a count of 0 (unknown) always gives this launch.
    /// </summary>
    public CudaLaunch For(int batchSize, int multiprocessorCount) =>
        SmallTiles is not null && Blocks(batchSize) < (long)SmallTilesBelowBlocksPerMultiprocessor * multiprocessorCount ? SmallTiles : this;

    /// <summary>The grid's blocks in all, x × y × z, for the given batch size.</summary>
    public long Blocks(int batchSize) => (long)GridX.Count(batchSize) * GridY.Count(batchSize) * GridZ.Count(batchSize);

    /// <summary>Whether the launch runs for a batch of <paramref name="batchSize"/>; a pass leaves it out otherwise.</summary>
    public bool RunsFor(int batchSize) => batchSize >= MinimumBatch;

    /// <summary>The grid's blocks along x, y and z for the given batch size.</summary>
    public (int X, int Y, int Z) Grid(int batchSize) => (GridX.Count(batchSize), GridY.Count(batchSize), GridZ.Count(batchSize));

    public override string ToString() => Kernel + "<<<(" + GridX + ", " + GridY + ", " + GridZ + "), " + BlockThreads + ">>>";
}

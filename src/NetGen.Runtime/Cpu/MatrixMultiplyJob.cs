using System;

namespace NetGen.Cpu;

/// <summary>
/// One product C = A·B, blocked for the caches and split into one part per thread, each a band of whole tiles of C
/// (see <see cref="MatrixMultiply"/>). Each calling thread reuses its own instance, which holds the pointers the
/// caller pinned for the duration of the call.
/// </summary>
/// <remarks>
/// Per part the loops are those of GotoBLAS: for each block of <see cref="BlockColumns"/> columns and each block of
/// <see cref="BlockSteps"/> steps, pack B; for each block of the kernel's <see cref="MatrixMultiplyTile.BlockRows"/>
/// rows, pack A; then run the
/// micro-kernel over every tile of the block. The packed B micro-panel stays in L1 while the kernel walks down the
/// packed A block in L2. Blocks after the first along k add to C, so each element is still a single chain of fused
/// multiply-adds over k in ascending order.
/// </remarks>
internal sealed unsafe class MatrixMultiplyJob : WorkerPoolJob
{
    private const int BlockSteps = 256;
    private const int BlockColumns = 2048;

    /// <summary>
    /// Products with at most this many multiply-adds (the layers of XOR-sized networks) skip packing and tiling, whose
    /// fixed cost would dwarf them.
    /// </summary>
    private const long DirectLimit = 2048;

    /// <summary>Products with fewer multiply-adds than this run on the calling thread alone.</summary>
    private const long ParallelThreshold = 1L << 18;

    /// <summary>
    /// A product with one row of A runs on the calling thread below this many multiply-adds (a single sample through
    /// the layers of an MNIST network), and split over the threads in bands of <see cref="VectorColumnsPerPart"/> columns above.
    /// </summary>
    private const long VectorParallelThreshold = 1L << 20;

    private const int VectorColumnsPerPart = 32;

    [ThreadStatic]
    private static MatrixMultiplyJob? t_current;

    // A(i, p) = _a[i·_aRowStride + p·_aStepStride]; B(p, j) = _b[j·_bColumnStride + p·_bStepStride]; C is m×n.
    private float* _a;
    private nint _aRowStride;
    private nint _aStepStride;
    private float* _b;
    private nint _bColumnStride;
    private nint _bStepStride;
    private float* _c;
    private int _m;
    private int _n;
    private int _k;
    private MatrixMultiplyKernel _kernel;
    private MatrixMultiplyTile _tile;
    private bool _splitsColumns;
    private bool _oneRow;
    private int _partCount;

    /// <summary>
    /// C[m×n] = A·B with A and B addressed through strides (so either may be stored transposed), on the pool's
    /// threads when the product is large. The pointers must stay valid until this returns.
    /// </summary>
    public static void Multiply(
        float* a, nint aRowStride, nint aStepStride,
        float* b, nint bColumnStride, nint bStepStride,
        float* c, int m, int n, int k, MatrixMultiplyKernel kernel)
    {
        if ((long)m * n * k <= DirectLimit)
        {
            MultiplyDirect(a, aRowStride, aStepStride, b, bColumnStride, bStepStride, c, m, n, k);
            return;
        }

        bool oneRow = m == 1 && kernel >= MatrixMultiplyKernel.Vector256 && MatrixVectorProduct.IsSupported;
        if (oneRow && (long)n * k < VectorParallelThreshold)
        {
            MatrixVectorProduct.Multiply(a, aStepStride, b, bColumnStride, bStepStride, c, 0, n, k);
            return;
        }

        MatrixMultiplyJob job = t_current ??= new MatrixMultiplyJob();
        job._a = a;
        job._aRowStride = aRowStride;
        job._aStepStride = aStepStride;
        job._b = b;
        job._bColumnStride = bColumnStride;
        job._bStepStride = bStepStride;
        job._c = c;
        job._m = m;
        job._n = n;
        job._k = k;
        job._kernel = kernel;
        job._oneRow = oneRow;
        if (oneRow)
        {
            job._partCount = Math.Min(WorkerPool.MaxThreads, CeilingDivide(n, VectorColumnsPerPart));
            RunParts(job);
            return;
        }

        MatrixMultiplyTile tile = job._tile = MatrixMultiplyKernels.TileOf(kernel);

        // Each part packs all of the operand it shares with the other parts, so split the dimension whose shared
        // operand is the smaller: columns (sharing A, m×k) when m ≤ n, else rows (sharing B, k×n).
        job._splitsColumns = n >= m;
        int tiles = job._splitsColumns ? CeilingDivide(n, tile.Columns) : CeilingDivide(m, tile.Rows);
        bool parallel = (long)m * n * k >= ParallelThreshold;
        if (parallel)
        {
            // This thread may run any of the parts, or none of them this time: room for the largest keeps its later calls allocation-free.
            int steps = Math.Min(BlockSteps, k);
            MatrixMultiplyScratch.Current.Reserve(
                steps * RoundUp(Math.Min(tile.BlockRows, m), tile.Rows), steps * RoundUp(Math.Min(BlockColumns, n), tile.Columns));
        }

        job._partCount = parallel ? Math.Min(WorkerPool.MaxThreads, tiles) : 1;
        RunParts(job);
    }

    public override void Run(int part)
    {
        if (_oneRow)
        {
            (int first, int last) = PartRange(part, _n, VectorColumnsPerPart);
            MatrixVectorProduct.Multiply(_a, _aStepStride, _b, _bColumnStride, _bStepStride, _c, first, last, _k);
            return;
        }

        if (_splitsColumns)
        {
            (int start, int end) = PartRange(part, _n, _tile.Columns);
            MultiplyRectangle(0, _m, start, end);
        }
        else
        {
            (int start, int end) = PartRange(part, _m, _tile.Rows);
            MultiplyRectangle(start, end, 0, _n);
        }
    }

    private static void RunParts(MatrixMultiplyJob job)
    {
        try
        {
            WorkerPool.Run(job, job._partCount);
        }
        finally
        {
            job._a = job._b = job._c = null;
        }
    }

    // Part p of P takes tiles [p·T/P, (p+1)·T/P) of the T tiles along a dimension of the given length.
    private (int Start, int End) PartRange(int part, int length, int tileLength)
    {
        int tiles = CeilingDivide(length, tileLength);
        int firstTile = (int)((long)part * tiles / _partCount);
        int endTile = (int)((long)(part + 1) * tiles / _partCount);
        return (firstTile * tileLength, Math.Min(length, endTile * tileLength));
    }

    private void MultiplyRectangle(int rowStart, int rowEnd, int columnStart, int columnEnd)
    {
        MatrixMultiplyScratch scratch = MatrixMultiplyScratch.Current;
        MatrixMultiplyTile tile = _tile;
        for (int blockColumn = columnStart; blockColumn < columnEnd; blockColumn += BlockColumns)
        {
            int columns = Math.Min(BlockColumns, columnEnd - blockColumn);
            for (int blockStep = 0; blockStep < _k; blockStep += BlockSteps)
            {
                int steps = Math.Min(BlockSteps, _k - blockStep);
                float* packedB = scratch.PackedB(steps * RoundUp(columns, tile.Columns));
                MatrixMultiplyPacking.PackBlock(
                    _b + blockColumn * _bColumnStride + blockStep * _bStepStride, _bColumnStride, _bStepStride,
                    columns, steps, tile.Columns, packedB);

                for (int blockRow = rowStart; blockRow < rowEnd; blockRow += tile.BlockRows)
                {
                    int rows = Math.Min(tile.BlockRows, rowEnd - blockRow);
                    float* packedA = scratch.PackedA(steps * RoundUp(rows, tile.Rows));
                    MatrixMultiplyPacking.PackBlock(
                        _a + blockRow * _aRowStride + blockStep * _aStepStride, _aRowStride, _aStepStride,
                        rows, steps, tile.Rows, packedA);

                    for (int column = 0; column < columns; column += tile.Columns)
                    {
                        for (int row = 0; row < rows; row += tile.Rows)
                        {
                            MultiplyTile(
                                packedA + row * steps, packedB + column * steps, steps,
                                blockRow + row, blockColumn + column,
                                Math.Min(tile.Rows, rows - row), Math.Min(tile.Columns, columns - column),
                                accumulate: blockStep > 0, scratch);
                        }
                    }
                }
            }
        }
    }

    private void MultiplyTile(
        float* packedA, float* packedB, int steps, int row, int column, int rows, int columns, bool accumulate,
        MatrixMultiplyScratch scratch)
    {
        float* c = _c + (nint)row * _n + column;
        int tileColumns = _tile.Columns;
        if (rows == _tile.Rows && columns == tileColumns)
        {
            MatrixMultiplyKernels.MultiplyTile(_kernel, packedA, packedB, steps, c, _n, accumulate);
            return;
        }

        // A ragged tile: the packed panels are zero-padded, so compute a whole tile aside and keep its valid part.
        float* tile = scratch.EdgeTile();
        if (accumulate)
        {
            new Span<float>(tile, _tile.Floats).Clear();
            for (int r = 0; r < rows; r++)
            {
                new ReadOnlySpan<float>(c + (nint)r * _n, columns).CopyTo(new Span<float>(tile + r * tileColumns, columns));
            }
        }
        MatrixMultiplyKernels.MultiplyTile(_kernel, packedA, packedB, steps, tile, tileColumns, accumulate);
        for (int r = 0; r < rows; r++)
        {
            new ReadOnlySpan<float>(tile + r * tileColumns, columns).CopyTo(new Span<float>(c + (nint)r * _n, columns));
        }
    }

    // The same chain per element as the micro-kernels (fused multiply-adds over k ascending, from 0), so the same bits.
    private static void MultiplyDirect(
        float* a, nint aRowStride, nint aStepStride, float* b, nint bColumnStride, nint bStepStride, float* c, int m, int n, int k)
    {
        for (int i = 0; i < m; i++)
        {
            float* aRow = a + i * aRowStride;
            for (int j = 0; j < n; j++)
            {
                float* bColumn = b + j * bColumnStride;
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    sum = MathF.FusedMultiplyAdd(aRow[p * aStepStride], bColumn[p * bStepStride], sum);
                }
                c[(nint)i * n + j] = sum;
            }
        }
    }

    // For value ≥ 1; cannot overflow, even for int.MaxValue.
    private static int CeilingDivide(int value, int divisor) => (value - 1) / divisor + 1;

    private static int RoundUp(int value, int multiple) => CeilingDivide(value, multiple) * multiple;
}

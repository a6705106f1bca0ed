using System;
using NetGen.Cpu;

namespace NetGen;

/// <summary>
/// Copies chosen rows of a matrix into consecutive rows of a batch, split over the worker pool's threads when the
/// batch is large. Shuffled rows come from anywhere in the dataset, so a lone thread mostly waits on memory; two
/// threads keep twice as many reads in flight.
/// </summary>
internal sealed unsafe class RowGatherJob : WorkerPoolJob
{
    private const int MinimumFloatsPerPart = 1 << 15;

    private float* _source;
    private float* _destination;
    private int* _rows;
    private int _rowSize;
    private int _count;
    private int _partCount;

    /// <summary>destination[i] = source[rows[i]] for i &lt; count, each row <paramref name="rowSize"/> floats.</summary>
    public void Gather(ReadOnlySpan<float> source, int rowSize, ReadOnlySpan<int> rows, Span<float> destination)
    {
        fixed (float* from = source, to = destination)
        fixed (int* indices = rows)
        {
            _source = from;
            _destination = to;
            _rows = indices;
            _rowSize = rowSize;
            _count = rows.Length;
            _partCount = Math.Clamp((int)Math.Min(int.MaxValue, (long)rows.Length * rowSize / MinimumFloatsPerPart), 1, WorkerPool.MaxThreads);
            try
            {
                WorkerPool.Run(this, _partCount);
            }
            finally
            {
                _source = _destination = null;
                _rows = null;
            }
        }
    }

    public override void Run(int part)
    {
        int start = (int)((long)part * _count / _partCount);
        int end = (int)((long)(part + 1) * _count / _partCount);
        long bytes = (long)_rowSize * sizeof(float);
        for (int i = start; i < end; i++)
        {
            Buffer.MemoryCopy(_source + (long)_rows[i] * _rowSize, _destination + (long)i * _rowSize, bytes, bytes);
        }
    }
}

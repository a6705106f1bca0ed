using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// The buffers of one thread for <see cref="Conv2DKernels"/>: allocated on the pinned object heap the first time a
/// thread needs them and grown when a larger shape comes, so that steady-state calls allocate nothing. Threads
/// never share them, so two networks can train at once on different threads.
/// </summary>
/// <remarks>
/// <para>
/// The first five buffers serve the parts of a job that run on this thread, one sample at a time; the last three
/// belong to the calls this thread makes, and the job's parts on other threads read or write them through the job.
/// </para>
/// <para>
/// Which thread runs which part varies, so a calling thread might leave its part buffers (and the scratch of
/// <see cref="MatrixMultiply"/>) too small through its warm-up and grow them in a later call. To rule that out, a
/// thread's first call of each kind and shape runs every part itself (see <see cref="IsWarm"/>).
/// </para>
/// </remarks>
internal sealed unsafe class Conv2DScratch
{
    [ThreadStatic]
    private static Conv2DScratch? t_current;

    private readonly Buffer<float> _columns = new();
    private readonly Buffer<float> _columnGradient = new();
    private readonly Buffer<float> _paddedInput = new();
    private readonly Buffer<float> _spreadDelta = new();
    private readonly Buffer<float> _sampleWeightGradient = new();
    private readonly Buffer<float> _partialWeightGradients = new();
    private readonly Buffer<float> _partialBiasGradients = new();
    private readonly Buffer<int> _offsets = new();
    private readonly RecentShapes<(Conv2DShape Shape, int Kind)> _warm = new(capacity: 32);

    public static Conv2DScratch Current => t_current ??= new Conv2DScratch();

    /// <summary>One sample's im2col matrix, or the direct kernels' output.</summary>
    public float* Columns(int floats) => _columns.Get(floats);

    /// <summary>The gradient of one sample's im2col matrix.</summary>
    public float* ColumnGradient(int floats) => _columnGradient.Get(floats);

    /// <summary>One sample's zero-padded input for the direct kernels.</summary>
    public float* PaddedInput(int floats) => _paddedInput.Get(floats);

    /// <summary>One sample's output gradient spread over the direct kernels' columns.</summary>
    public float* SpreadDelta(int floats) => _spreadDelta.Get(floats);

    /// <summary>One sample's weight gradient before it joins its group's.</summary>
    public float* SampleWeightGradient(int floats) => _sampleWeightGradient.Get(floats);

    /// <summary>The weight gradients of the sample groups of a backward call.</summary>
    public float* PartialWeightGradients(int floats) => _partialWeightGradients.Get(floats);

    /// <summary>The bias gradients of the sample groups of a backward call.</summary>
    public float* PartialBiasGradients(int floats) => _partialBiasGradients.Get(floats);

    /// <summary>The tap offsets of the direct kernels for a call.</summary>
    public int* Offsets(int count) => _offsets.Get(count);

    /// <summary>
    /// Whether this thread has already run a whole call of this kind and shape, so that its buffers are large enough
    /// for any part of it; if not, remembers that it is about to (the 32 most recent kinds and shapes).
    /// </summary>
    public bool IsWarm(in Conv2DShape shape, int kind) => _warm.ContainsOrAdd((shape, kind));

    private sealed class Buffer<T>
        where T : unmanaged
    {
        private const int Alignment = 64;
        private T[] _array = [];
        private T* _aligned;
        private int _capacity;

        public T* Get(int count)
        {
            if (count > _capacity)
            {
                Grow(count);
            }

            return _aligned;
        }

        private void Grow(int count)
        {
            // Pinned arrays never move, so the aligned pointer stays valid for the array's lifetime.
            _array = GC.AllocateUninitializedArray<T>(count + (Alignment / sizeof(T)), pinned: true);
            var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
            _aligned = (T*)((start + Alignment - 1) & ~(nint)(Alignment - 1));
            _capacity = count;
        }
    }
}

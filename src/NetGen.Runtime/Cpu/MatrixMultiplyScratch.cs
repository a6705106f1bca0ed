using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Cpu;

/// <summary>
/// The packing buffers of one thread: allocated on the pinned object heap the first time a thread needs them and
/// grown when a larger block comes, so that steady-state calls allocate nothing.
/// </summary>
/// <remarks>
/// Which thread runs which part of a product varies, so a calling thread might leave its buffers too small through
/// its warm-up and grow them in a later call. To rule that out, a thread's first product of each shape runs as one
/// part on that thread (see <see cref="IsWarm"/>), which needs at least as much room as any part of it.
/// </remarks>
internal sealed unsafe class MatrixMultiplyScratch
{
    private const int Alignment = 64;

    [ThreadStatic]
    private static MatrixMultiplyScratch? t_current;

    private readonly Buffer _packedA = new();
    private readonly Buffer _packedB = new();
    private readonly Buffer _edgeTile = new();
    private readonly RecentShapes<(int M, int N, int K)> _warm = new(capacity: 64);

    public static MatrixMultiplyScratch Current => t_current ??= new MatrixMultiplyScratch();

    /// <summary>Room for a packed block of A; valid until the next call on this thread.</summary>
    public float* PackedA(int floats) => _packedA.Get(floats);

    /// <summary>Room for a packed block of B; valid until the next call on this thread.</summary>
    public float* PackedB(int floats) => _packedB.Get(floats);

    /// <summary>Room for one tile of C at the ragged edge of the matrix.</summary>
    public float* EdgeTile() => _edgeTile.Get(MatrixMultiplyKernels.TileRows * MatrixMultiplyKernels.TileColumns);

    /// <summary>
    /// Whether this thread has already run a whole m×n×k product, so that its buffers are large enough for any part
    /// of one; if not, remembers that it is about to (the 64 most recent shapes).
    /// </summary>
    public bool IsWarm(int m, int n, int k) => _warm.ContainsOrAdd((m, n, k));

    private sealed class Buffer
    {
        private float[] _array = [];
        private float* _aligned;
        private int _capacity;

        public float* Get(int floats)
        {
            if (floats > _capacity)
            {
                Grow(floats);
            }
            return _aligned;
        }

        private void Grow(int floats)
        {
            int capacity = Math.Max(floats, _capacity * 2);
            // Pinned arrays never move, so the aligned pointer stays valid for the array's lifetime.
            _array = GC.AllocateUninitializedArray<float>(capacity + Alignment / sizeof(float), pinned: true);
            nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
            _aligned = (float*)((start + Alignment - 1) & ~(nint)(Alignment - 1));
            _capacity = capacity;
        }
    }
}

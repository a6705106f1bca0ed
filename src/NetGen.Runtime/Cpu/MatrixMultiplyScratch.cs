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
/// its first call of a shape and grow them in a later one. To rule that out, a thread about to run a product in parts
/// first makes room for the largest blocks any part packs (see <see cref="Reserve"/>); the first call of a shape runs
/// on every thread like any other.
/// </remarks>
internal sealed unsafe class MatrixMultiplyScratch
{
    private const int Alignment = 64;

    [ThreadStatic]
    private static MatrixMultiplyScratch? t_current;

    private readonly Buffer _packedA = new();
    private readonly Buffer _packedB = new();
    private readonly Buffer _edgeTile = new();

    public static MatrixMultiplyScratch Current => t_current ??= new MatrixMultiplyScratch();

    /// <summary>Room for a packed block of A; valid until the next call on this thread.</summary>
    public float* PackedA(int floats) => _packedA.Get(floats);

    /// <summary>Room for a packed block of B; valid until the next call on this thread.</summary>
    public float* PackedB(int floats) => _packedB.Get(floats);

    /// <summary>Room for one tile of C at the ragged edge of the matrix.</summary>
    public float* EdgeTile() => _edgeTile.Get(MatrixMultiplyKernels.MaxTileFloats);

    /// <summary>Grows the buffers to hold packed blocks of A and B of the given sizes, and an edge tile.</summary>
    public void Reserve(int packedAFloats, int packedBFloats)
    {
        _packedA.Get(packedAFloats);
        _packedB.Get(packedBFloats);
        EdgeTile();
    }

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

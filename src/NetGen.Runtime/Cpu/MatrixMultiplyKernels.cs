using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Cpu;

/// <summary>The micro-kernels <see cref="MatrixMultiply"/> can run; tests pick each one explicitly.</summary>
internal enum MatrixMultiplyKernel
{
    Scalar,
    Vector128,
    Vector256,
    Vector512,
}

/// <summary>
/// The tile of C a micro-kernel holds in registers, and how many rows of A are packed together for it: a multiple of
/// the tile's rows that keeps a packed block of A (<see cref="BlockRows"/> × 256 steps) within L2.
/// </summary>
internal readonly record struct MatrixMultiplyTile(int Rows, int Columns, int BlockRows)
{
    public int Floats => Rows * Columns;
}

/// <summary>
/// Micro-kernels: one tile of C (<see cref="TileOf"/>), held in registers while it accumulates the outer products of a
/// packed A panel and a packed B panel.
/// </summary>
/// <remarks>
/// A packed A panel holds, for each step p, the tile's R values of column p of A: a[p·R + r]. A packed B panel holds,
/// for each p, the tile's C values of row p of B: b[p·C + j]. Every kernel computes c[r, j] = fma(a[r, p], b[p, j],
/// c[r, j]) for p ascending, starting from 0 or from the stored C, so all kernels give bit-identical results whatever
/// their tile.
/// </remarks>
internal static unsafe class MatrixMultiplyKernels
{
    // AVX-512 and the scalar kernel: 8 rows × 2 vectors of 16 (16 of the 32 ZMM registers accumulate).
    private const int WideRows = 8;
    private const int WideColumns = 32;
    private static readonly MatrixMultiplyTile Wide = new(WideRows, WideColumns, BlockRows: 128);

    // AVX2: 6 rows × 2 vectors of 8, as BLIS and OpenBLAS do on Haswell and Zen: 12 accumulators, 2 loads of B and 6
    // broadcasts of A for 12 fused multiply-adds, within the 16 YMM registers.
    private static readonly MatrixMultiplyTile Narrow = new(Rows: 6, Columns: 16, BlockRows: 120);

    // 128-bit vectors (ARM64's AdvSimd; x86 without AVX2): 8 rows × 2 vectors of 4, 16 accumulators of ARM64's 32
    // registers.
    private static readonly MatrixMultiplyTile Short = new(Rows: 8, Columns: 8, BlockRows: 128);

    /// <summary>The most floats any kernel's tile holds: the size of an edge tile computed aside.</summary>
    public const int MaxTileFloats = WideRows * WideColumns;

    /// <summary>The fastest kernel this machine runs.</summary>
    public static MatrixMultiplyKernel Best { get; } =
        IsSupported(MatrixMultiplyKernel.Vector512) ? MatrixMultiplyKernel.Vector512
        : IsSupported(MatrixMultiplyKernel.Vector256) ? MatrixMultiplyKernel.Vector256
        : IsSupported(MatrixMultiplyKernel.Vector128) ? MatrixMultiplyKernel.Vector128
        : MatrixMultiplyKernel.Scalar;

    /// <summary>Whether <paramref name="kernel"/> runs in hardware here, fused multiply-add included.</summary>
    public static bool IsSupported(MatrixMultiplyKernel kernel) => kernel switch
    {
        MatrixMultiplyKernel.Vector512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        MatrixMultiplyKernel.Vector256 => Vector256.IsHardwareAccelerated && Fma.IsSupported,
        MatrixMultiplyKernel.Vector128 => Vector128.IsHardwareAccelerated && (Fma.IsSupported || AdvSimd.IsSupported),
        _ => true,
    };

    /// <summary>The tile <paramref name="kernel"/> computes, which the packing of its operands follows.</summary>
    public static MatrixMultiplyTile TileOf(MatrixMultiplyKernel kernel) => kernel switch
    {
        MatrixMultiplyKernel.Vector256 => Narrow,
        MatrixMultiplyKernel.Vector128 => Short,
        _ => Wide,
    };

    /// <summary>
    /// Sets the tile at <paramref name="c"/> (row stride <paramref name="ldc"/>) to A·B over <paramref name="kc"/>
    /// steps, or adds A·B to it when <paramref name="accumulate"/> is set.
    /// </summary>
    public static void MultiplyTile(
        MatrixMultiplyKernel kernel, float* a, float* b, int kc, float* c, nint ldc, bool accumulate)
    {
        switch (kernel)
        {
            case MatrixMultiplyKernel.Vector512:
                MultiplyTileVector512(a, b, kc, c, ldc, accumulate);
                break;
            case MatrixMultiplyKernel.Vector256:
                MultiplyTileVector256(a, b, kc, c, ldc, accumulate);
                break;
            case MatrixMultiplyKernel.Vector128:
                MultiplyTileVector128(a, b, kc, c, ldc, accumulate);
                break;
            default:
                MultiplyTileScalar(a, b, kc, c, ldc, accumulate);
                break;
        }
    }

    // 8 rows × 2 vectors: 16 accumulators, 2 loads of B and 8 broadcasts of A per 16 fused multiply-adds.
    [SkipLocalsInit]
    private static void MultiplyTileVector512(float* a, float* b, int kc, float* c, nint ldc, bool accumulate)
    {
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate)
        {
            c00 = Vector512.Load(c); c01 = Vector512.Load(c + 16);
            c10 = Vector512.Load(c + ldc); c11 = Vector512.Load(c + ldc + 16);
            c20 = Vector512.Load(c + 2 * ldc); c21 = Vector512.Load(c + 2 * ldc + 16);
            c30 = Vector512.Load(c + 3 * ldc); c31 = Vector512.Load(c + 3 * ldc + 16);
            c40 = Vector512.Load(c + 4 * ldc); c41 = Vector512.Load(c + 4 * ldc + 16);
            c50 = Vector512.Load(c + 5 * ldc); c51 = Vector512.Load(c + 5 * ldc + 16);
            c60 = Vector512.Load(c + 6 * ldc); c61 = Vector512.Load(c + 6 * ldc + 16);
            c70 = Vector512.Load(c + 7 * ldc); c71 = Vector512.Load(c + 7 * ldc + 16);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector512<float>.Zero;
            c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = Vector512<float>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> ar = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(ar, b0, c00); c01 = Vector512.FusedMultiplyAdd(ar, b1, c01);
            ar = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(ar, b0, c10); c11 = Vector512.FusedMultiplyAdd(ar, b1, c11);
            ar = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(ar, b0, c20); c21 = Vector512.FusedMultiplyAdd(ar, b1, c21);
            ar = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(ar, b0, c30); c31 = Vector512.FusedMultiplyAdd(ar, b1, c31);
            ar = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(ar, b0, c40); c41 = Vector512.FusedMultiplyAdd(ar, b1, c41);
            ar = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(ar, b0, c50); c51 = Vector512.FusedMultiplyAdd(ar, b1, c51);
            ar = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(ar, b0, c60); c61 = Vector512.FusedMultiplyAdd(ar, b1, c61);
            ar = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(ar, b0, c70); c71 = Vector512.FusedMultiplyAdd(ar, b1, c71);
            a += WideRows;
            b += WideColumns;
        }

        c00.Store(c); c01.Store(c + 16);
        c10.Store(c + ldc); c11.Store(c + ldc + 16);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 16);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 16);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + 16);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + 16);
        c60.Store(c + 6 * ldc); c61.Store(c + 6 * ldc + 16);
        c70.Store(c + 7 * ldc); c71.Store(c + 7 * ldc + 16);
    }

    // 6 rows × 2 vectors: 12 accumulators, 2 loads of B and 6 broadcasts of A per 12 fused multiply-adds.
    [SkipLocalsInit]
    private static void MultiplyTileVector256(float* a, float* b, int kc, float* c, nint ldc, bool accumulate)
    {
        Vector256<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (accumulate)
        {
            c00 = Vector256.Load(c); c01 = Vector256.Load(c + 8);
            c10 = Vector256.Load(c + ldc); c11 = Vector256.Load(c + ldc + 8);
            c20 = Vector256.Load(c + 2 * ldc); c21 = Vector256.Load(c + 2 * ldc + 8);
            c30 = Vector256.Load(c + 3 * ldc); c31 = Vector256.Load(c + 3 * ldc + 8);
            c40 = Vector256.Load(c + 4 * ldc); c41 = Vector256.Load(c + 4 * ldc + 8);
            c50 = Vector256.Load(c + 5 * ldc); c51 = Vector256.Load(c + 5 * ldc + 8);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector256<float>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> ar = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(ar, b0, c00); c01 = Vector256.FusedMultiplyAdd(ar, b1, c01);
            ar = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(ar, b0, c10); c11 = Vector256.FusedMultiplyAdd(ar, b1, c11);
            ar = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(ar, b0, c20); c21 = Vector256.FusedMultiplyAdd(ar, b1, c21);
            ar = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(ar, b0, c30); c31 = Vector256.FusedMultiplyAdd(ar, b1, c31);
            ar = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(ar, b0, c40); c41 = Vector256.FusedMultiplyAdd(ar, b1, c41);
            ar = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(ar, b0, c50); c51 = Vector256.FusedMultiplyAdd(ar, b1, c51);
            a += 6;
            b += 16;
        }

        c00.Store(c); c01.Store(c + 8);
        c10.Store(c + ldc); c11.Store(c + ldc + 8);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 8);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 8);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + 8);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + 8);
    }

    // 8 rows × 2 vectors of 4: 16 accumulators, 2 loads of B and 8 broadcasts of A per 16 fused multiply-adds.
    [SkipLocalsInit]
    private static void MultiplyTileVector128(float* a, float* b, int kc, float* c, nint ldc, bool accumulate)
    {
        Vector128<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate)
        {
            c00 = Vector128.Load(c); c01 = Vector128.Load(c + 4);
            c10 = Vector128.Load(c + ldc); c11 = Vector128.Load(c + ldc + 4);
            c20 = Vector128.Load(c + 2 * ldc); c21 = Vector128.Load(c + 2 * ldc + 4);
            c30 = Vector128.Load(c + 3 * ldc); c31 = Vector128.Load(c + 3 * ldc + 4);
            c40 = Vector128.Load(c + 4 * ldc); c41 = Vector128.Load(c + 4 * ldc + 4);
            c50 = Vector128.Load(c + 5 * ldc); c51 = Vector128.Load(c + 5 * ldc + 4);
            c60 = Vector128.Load(c + 6 * ldc); c61 = Vector128.Load(c + 6 * ldc + 4);
            c70 = Vector128.Load(c + 7 * ldc); c71 = Vector128.Load(c + 7 * ldc + 4);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector128<float>.Zero;
            c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = Vector128<float>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            Vector128<float> b0 = Vector128.Load(b);
            Vector128<float> b1 = Vector128.Load(b + 4);
            Vector128<float> ar = Vector128.Create(a[0]);
            c00 = Vector128.FusedMultiplyAdd(ar, b0, c00); c01 = Vector128.FusedMultiplyAdd(ar, b1, c01);
            ar = Vector128.Create(a[1]);
            c10 = Vector128.FusedMultiplyAdd(ar, b0, c10); c11 = Vector128.FusedMultiplyAdd(ar, b1, c11);
            ar = Vector128.Create(a[2]);
            c20 = Vector128.FusedMultiplyAdd(ar, b0, c20); c21 = Vector128.FusedMultiplyAdd(ar, b1, c21);
            ar = Vector128.Create(a[3]);
            c30 = Vector128.FusedMultiplyAdd(ar, b0, c30); c31 = Vector128.FusedMultiplyAdd(ar, b1, c31);
            ar = Vector128.Create(a[4]);
            c40 = Vector128.FusedMultiplyAdd(ar, b0, c40); c41 = Vector128.FusedMultiplyAdd(ar, b1, c41);
            ar = Vector128.Create(a[5]);
            c50 = Vector128.FusedMultiplyAdd(ar, b0, c50); c51 = Vector128.FusedMultiplyAdd(ar, b1, c51);
            ar = Vector128.Create(a[6]);
            c60 = Vector128.FusedMultiplyAdd(ar, b0, c60); c61 = Vector128.FusedMultiplyAdd(ar, b1, c61);
            ar = Vector128.Create(a[7]);
            c70 = Vector128.FusedMultiplyAdd(ar, b0, c70); c71 = Vector128.FusedMultiplyAdd(ar, b1, c71);
            a += 8;
            b += 8;
        }

        c00.Store(c); c01.Store(c + 4);
        c10.Store(c + ldc); c11.Store(c + ldc + 4);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 4);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 4);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + 4);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + 4);
        c60.Store(c + 6 * ldc); c61.Store(c + 6 * ldc + 4);
        c70.Store(c + 7 * ldc); c71.Store(c + 7 * ldc + 4);
    }

    [SkipLocalsInit]
    private static void MultiplyTileScalar(float* a, float* b, int kc, float* c, nint ldc, bool accumulate)
    {
        float* tile = stackalloc float[WideRows * WideColumns];
        for (int r = 0; r < WideRows; r++)
        {
            for (int j = 0; j < WideColumns; j++)
            {
                tile[r * WideColumns + j] = accumulate ? c[r * ldc + j] : 0f;
            }
        }

        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < WideRows; r++)
            {
                float ar = a[r];
                float* tileRow = tile + r * WideColumns;
                for (int j = 0; j < WideColumns; j++)
                {
                    tileRow[j] = MathF.FusedMultiplyAdd(ar, b[j], tileRow[j]);
                }
            }
            a += WideRows;
            b += WideColumns;
        }

        for (int r = 0; r < WideRows; r++)
        {
            for (int j = 0; j < WideColumns; j++)
            {
                c[r * ldc + j] = tile[r * WideColumns + j];
            }
        }
    }
}

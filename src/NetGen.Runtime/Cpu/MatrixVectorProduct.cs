using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Cpu;

/// <summary>
/// A product with one row of A (a single sample: <c>Predict</c>, a batch of one), c[j] = Σₚ a[p]·B(p, j), read straight
/// from the operands: packing B and padding A to a tile's rows would cost more than the product itself. With AVX2 and
/// FMA, eight columns at a time; every element is the micro-kernels' chain (fused multiply-adds over k ascending, from
/// 0), so a sample's results are the same bits alone as in any batch.
/// </summary>
internal static unsafe class MatrixVectorProduct
{
    /// <summary>Column blocks of 8 interleaved per pass, so that their independent chains hide the FMA latency.</summary>
    private const int BlocksPerPass = 4;

    /// <summary>Whether this CPU runs the vector form (AVX2 and FMA).</summary>
    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>
    /// c[j] for j in [<paramref name="start"/>, <paramref name="end"/>), with a[p] = a[p·aStepStride] and
    /// B(p, j) = b[j·bColumnStride + p·bStepStride]. Requires <see cref="IsSupported"/>.
    /// </summary>
    public static void Multiply(float* a, nint aStepStride, float* b, nint bColumnStride, nint bStepStride, float* c, int start, int end, int k)
    {
        int j = start;
        if (bStepStride == 1)
        {
            for (; j <= end - (8 * BlocksPerPass); j += 8 * BlocksPerPass)
            {
                ColumnsContiguousInK(a, aStepStride, b + j * bColumnStride, bColumnStride, c + j, k);
            }

            for (; j <= end - 8; j += 8)
            {
                EightColumnsContiguousInK(a, aStepStride, b + j * bColumnStride, bColumnStride, c + j, k);
            }
        }
        else if (bColumnStride == 1)
        {
            for (; j <= end - (8 * BlocksPerPass); j += 8 * BlocksPerPass)
            {
                RowsContiguousInColumns(a, aStepStride, b + j, bStepStride, c + j, k);
            }

            for (; j <= end - 8; j += 8)
            {
                EightColumnsOfContiguousRows(a, aStepStride, b + j, bStepStride, c + j, k);
            }
        }

        for (; j < end; j++)
        {
            float* column = b + j * bColumnStride;
            float sum = 0f;
            for (int p = 0; p < k; p++)
            {
                sum = MathF.FusedMultiplyAdd(a[p * aStepStride], column[p * bStepStride], sum);
            }

            c[j] = sum;
        }
    }

    // B's columns are rows in memory (a dense layer's weights [out, in] in X·Wᵀ): each 8×8 block of them is transposed in
    // registers, giving the 8 columns' values at one step per vector.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColumnsContiguousInK(float* a, nint aStepStride, float* b, nint columnStride, float* c, int k)
    {
        Vector256<float> sum0 = Vector256<float>.Zero, sum1 = Vector256<float>.Zero, sum2 = Vector256<float>.Zero, sum3 = Vector256<float>.Zero;
        int p = 0;
        for (; p <= k - 8; p += 8)
        {
            sum0 = AddBlock(a + p * aStepStride, aStepStride, b + p, columnStride, sum0);
            sum1 = AddBlock(a + p * aStepStride, aStepStride, b + (8 * columnStride) + p, columnStride, sum1);
            sum2 = AddBlock(a + p * aStepStride, aStepStride, b + (16 * columnStride) + p, columnStride, sum2);
            sum3 = AddBlock(a + p * aStepStride, aStepStride, b + (24 * columnStride) + p, columnStride, sum3);
        }

        for (; p < k; p++)
        {
            Vector256<float> step = Vector256.Create(a[p * aStepStride]);
            sum0 = Fma.MultiplyAdd(step, Gather(b + p, columnStride), sum0);
            sum1 = Fma.MultiplyAdd(step, Gather(b + (8 * columnStride) + p, columnStride), sum1);
            sum2 = Fma.MultiplyAdd(step, Gather(b + (16 * columnStride) + p, columnStride), sum2);
            sum3 = Fma.MultiplyAdd(step, Gather(b + (24 * columnStride) + p, columnStride), sum3);
        }

        sum0.Store(c);
        sum1.Store(c + 8);
        sum2.Store(c + 16);
        sum3.Store(c + 24);
    }

    private static void EightColumnsContiguousInK(float* a, nint aStepStride, float* b, nint columnStride, float* c, int k)
    {
        Vector256<float> sum = Vector256<float>.Zero;
        int p = 0;
        for (; p <= k - 8; p += 8)
        {
            sum = AddBlock(a + p * aStepStride, aStepStride, b + p, columnStride, sum);
        }

        for (; p < k; p++)
        {
            sum = Fma.MultiplyAdd(Vector256.Create(a[p * aStepStride]), Gather(b + p, columnStride), sum);
        }

        sum.Store(c);
    }

    // Eight steps of eight columns: rows r of the block (column r of B, steps p…p+7) become the steps' vectors.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> AddBlock(float* a, nint aStepStride, float* b, nint columnStride, Vector256<float> sum)
    {
        Vector256<float> r0 = Avx.LoadVector256(b), r1 = Avx.LoadVector256(b + columnStride);
        Vector256<float> r2 = Avx.LoadVector256(b + (2 * columnStride)), r3 = Avx.LoadVector256(b + (3 * columnStride));
        Vector256<float> r4 = Avx.LoadVector256(b + (4 * columnStride)), r5 = Avx.LoadVector256(b + (5 * columnStride));
        Vector256<float> r6 = Avx.LoadVector256(b + (6 * columnStride)), r7 = Avx.LoadVector256(b + (7 * columnStride));
        MatrixMultiplyPacking.Transpose8x8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
        sum = Fma.MultiplyAdd(Vector256.Create(a[0]), r0, sum);
        sum = Fma.MultiplyAdd(Vector256.Create(a[aStepStride]), r1, sum);
        sum = Fma.MultiplyAdd(Vector256.Create(a[2 * aStepStride]), r2, sum);
        sum = Fma.MultiplyAdd(Vector256.Create(a[3 * aStepStride]), r3, sum);
        sum = Fma.MultiplyAdd(Vector256.Create(a[4 * aStepStride]), r4, sum);
        sum = Fma.MultiplyAdd(Vector256.Create(a[5 * aStepStride]), r5, sum);
        sum = Fma.MultiplyAdd(Vector256.Create(a[6 * aStepStride]), r6, sum);
        return Fma.MultiplyAdd(Vector256.Create(a[7 * aStepStride]), r7, sum);
    }

    private static Vector256<float> Gather(float* b, nint columnStride) => Vector256.Create(
        b[0], b[columnStride], b[2 * columnStride], b[3 * columnStride],
        b[4 * columnStride], b[5 * columnStride], b[6 * columnStride], b[7 * columnStride]);

    // B's rows are contiguous (the weights [out, in] in Δ·W): each step's 32 columns are four plain loads.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowsContiguousInColumns(float* a, nint aStepStride, float* b, nint stepStride, float* c, int k)
    {
        Vector256<float> sum0 = Vector256<float>.Zero, sum1 = Vector256<float>.Zero, sum2 = Vector256<float>.Zero, sum3 = Vector256<float>.Zero;
        for (int p = 0; p < k; p++)
        {
            Vector256<float> step = Vector256.Create(a[p * aStepStride]);
            float* row = b + p * stepStride;
            sum0 = Fma.MultiplyAdd(step, Avx.LoadVector256(row), sum0);
            sum1 = Fma.MultiplyAdd(step, Avx.LoadVector256(row + 8), sum1);
            sum2 = Fma.MultiplyAdd(step, Avx.LoadVector256(row + 16), sum2);
            sum3 = Fma.MultiplyAdd(step, Avx.LoadVector256(row + 24), sum3);
        }

        sum0.Store(c);
        sum1.Store(c + 8);
        sum2.Store(c + 16);
        sum3.Store(c + 24);
    }

    private static void EightColumnsOfContiguousRows(float* a, nint aStepStride, float* b, nint stepStride, float* c, int k)
    {
        Vector256<float> sum = Vector256<float>.Zero;
        for (int p = 0; p < k; p++)
        {
            sum = Fma.MultiplyAdd(Vector256.Create(a[p * aStepStride]), Avx.LoadVector256(b + p * stepStride), sum);
        }

        sum.Store(c);
    }
}

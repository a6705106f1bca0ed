using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Cpu;

/// <summary>
/// The product at the heart of a stride-1 convolution without an im2col matrix (see <see cref="Conv2DDirectLayout"/>):
/// <c>output[r, j] = Σₚ weight[r, p] · source[offsets[p] + j]</c>, where row p of the implicit im2col matrix is the run
/// of the padded input that starts at offsets[p].
/// </summary>
/// <remarks>
/// A tile of 4 rows × 32 columns stays in registers while p runs over the taps. Every output is one chain of fused
/// multiply-adds over p in ascending order, starting from 0, exactly as in <see cref="MatrixMultiply"/>, so the result
/// is bit-identical to im2col followed by a product, and does not depend on the vector width.
/// </remarks>
internal static unsafe class Conv2DDirectForward
{
    /// <summary>
    /// output[r·columns + j] = Σ_{p &lt; taps} weight[r·taps + p] · source[offsets[p] + j], for r &lt; rows and
    /// j &lt; columns, a multiple of <see cref="Conv2DDirectLayout.ColumnBlock"/>.
    /// </summary>
    public static void Multiply(float* weight, int rows, int taps, float* source, int* offsets, float* output, int columns)
    {
        var row = 0;
        for (; row + 4 <= rows; row += 4)
        {
            for (var j = 0; j < columns; j += Conv2DDirectLayout.ColumnBlock)
            {
                if (Vector512.IsHardwareAccelerated)
                {
                    FourRows512(weight + ((nint)row * taps), taps, source + j, offsets, output + ((nint)row * columns) + j, columns);
                }
                else
                {
                    FourRows256(weight + ((nint)row * taps), taps, source + j, offsets, output + ((nint)row * columns) + j, columns);
                    FourRows256(weight + ((nint)row * taps), taps, source + j + 16, offsets, output + ((nint)row * columns) + j + 16, columns);
                }
            }
        }

        for (; row < rows; row++)
        {
            for (var j = 0; j < columns; j += Conv2DDirectLayout.ColumnBlock)
            {
                OneRow(weight + ((nint)row * taps), taps, source + j, offsets, output + ((nint)row * columns) + j);
            }
        }
    }

    // 4 rows × 2 vectors of 16: 8 accumulators, 2 loads and 4 broadcasts per 8 fused multiply-adds.
    [SkipLocalsInit]
    private static void FourRows512(float* weight, int taps, float* source, int* offsets, float* output, nint stride)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (var p = 0; p < taps; p++)
        {
            var run = source + offsets[p];
            var b0 = Vector512.Load(run);
            var b1 = Vector512.Load(run + 16);
            var a = Vector512.Create(weight[p]);
            c00 = Vector512.FusedMultiplyAdd(a, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a, b1, c01);
            a = Vector512.Create(weight[taps + p]);
            c10 = Vector512.FusedMultiplyAdd(a, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a, b1, c11);
            a = Vector512.Create(weight[(2 * taps) + p]);
            c20 = Vector512.FusedMultiplyAdd(a, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a, b1, c21);
            a = Vector512.Create(weight[(3 * taps) + p]);
            c30 = Vector512.FusedMultiplyAdd(a, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a, b1, c31);
        }

        c00.Store(output);
        c01.Store(output + 16);
        c10.Store(output + stride);
        c11.Store(output + stride + 16);
        c20.Store(output + (2 * stride));
        c21.Store(output + (2 * stride) + 16);
        c30.Store(output + (3 * stride));
        c31.Store(output + (3 * stride) + 16);
    }

    // The same for 16 columns with 256-bit vectors, for machines without AVX-512.
    [SkipLocalsInit]
    private static void FourRows256(float* weight, int taps, float* source, int* offsets, float* output, nint stride)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (var p = 0; p < taps; p++)
        {
            var run = source + offsets[p];
            var b0 = Vector256.Load(run);
            var b1 = Vector256.Load(run + 8);
            var a = Vector256.Create(weight[p]);
            c00 = Vector256.FusedMultiplyAdd(a, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a, b1, c01);
            a = Vector256.Create(weight[taps + p]);
            c10 = Vector256.FusedMultiplyAdd(a, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a, b1, c11);
            a = Vector256.Create(weight[(2 * taps) + p]);
            c20 = Vector256.FusedMultiplyAdd(a, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a, b1, c21);
            a = Vector256.Create(weight[(3 * taps) + p]);
            c30 = Vector256.FusedMultiplyAdd(a, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a, b1, c31);
        }

        c00.Store(output);
        c01.Store(output + 8);
        c10.Store(output + stride);
        c11.Store(output + stride + 8);
        c20.Store(output + (2 * stride));
        c21.Store(output + (2 * stride) + 8);
        c30.Store(output + (3 * stride));
        c31.Store(output + (3 * stride) + 8);
    }

    // One row × 32 columns, for the rows left over after the blocks of 4.
    [SkipLocalsInit]
    private static void OneRow(float* weight, int taps, float* source, int* offsets, float* output)
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        for (var p = 0; p < taps; p++)
        {
            var run = source + offsets[p];
            var a = Vector256.Create(weight[p]);
            c0 = Vector256.FusedMultiplyAdd(a, Vector256.Load(run), c0);
            c1 = Vector256.FusedMultiplyAdd(a, Vector256.Load(run + 8), c1);
            c2 = Vector256.FusedMultiplyAdd(a, Vector256.Load(run + 16), c2);
            c3 = Vector256.FusedMultiplyAdd(a, Vector256.Load(run + 24), c3);
        }

        c0.Store(output);
        c1.Store(output + 8);
        c2.Store(output + 16);
        c3.Store(output + 24);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Cpu;

/// <summary>
/// The weight gradient of a stride-1 convolution without an im2col matrix (see <see cref="Conv2DDirectLayout"/>):
/// <c>output[r, p] = Σⱼ delta[r, j] · source[offsets[p] + j]</c>, one dot product per filter r and tap p along the
/// spread output gradient and the tap's run of the padded input.
/// </summary>
/// <remarks>
/// A tile of 4 filters × 4 taps keeps 16 dot products in registers. Each dot product is summed in 16 lanes, lane l
/// taking j ≡ l (mod 16) in ascending order; then lane l + 8 is added to lane l, lane l + 4 to lane l, and the last
/// four lanes are added as (l₀ + l₁) + (l₂ + l₃). 512-bit vectors hold the 16 lanes in one register, 256-bit vectors
/// in two, with the same arithmetic, so the result does not depend on the machine.
/// </remarks>
internal static unsafe class Conv2DDirectWeightGradient
{
    private const int Lanes = 16;

    /// <summary>
    /// output[r·taps + p] = Σ_{j &lt; columns} delta[r·columns + j] · source[offsets[p] + j], for r &lt; rows and
    /// p &lt; taps, both multiples of <see cref="Conv2DDirectLayout.TapBlock"/>, and columns a multiple of 16.
    /// </summary>
    [SkipLocalsInit]
    public static void Multiply(float* delta, int rows, int columns, float* source, int* offsets, int taps, float* output)
    {
        var lanes = stackalloc float[4 * 4 * 4];
        for (var row = 0; row < rows; row += 4)
        {
            for (var tap = 0; tap < taps; tap += 4)
            {
                var d = delta + ((nint)row * columns);
                float* s0 = source + offsets[tap], s1 = source + offsets[tap + 1];
                float* s2 = source + offsets[tap + 2], s3 = source + offsets[tap + 3];
                if (Vector512.IsHardwareAccelerated)
                {
                    FourByFour512(d, columns, s0, s1, s2, s3, lanes);
                }
                else
                {
                    TwoByFour256(d, columns, s0, s1, s2, s3, lanes);
                    TwoByFour256(d + (2 * (nint)columns), columns, s0, s1, s2, s3, lanes + (2 * 4 * 4));
                }

                // lanes holds the last 4 lanes of dot product (r, p) at ((r − row)·4 + p − tap)·4.
                for (var r = 0; r < 4; r++)
                {
                    for (var p = 0; p < 4; p++)
                    {
                        var lane = lanes + (((r * 4) + p) * 4);
                        output[((nint)(row + r) * taps) + tap + p] = (lane[0] + lane[1]) + (lane[2] + lane[3]);
                    }
                }
            }
        }
    }

    [SkipLocalsInit]
    private static void FourByFour512(float* d, nint columns, float* s0, float* s1, float* s2, float* s3, float* lanes)
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<float> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<float> c30 = default, c31 = default, c32 = default, c33 = default;
        for (nint j = 0; j < columns; j += Lanes)
        {
            var x0 = Vector512.Load(s0 + j);
            var x1 = Vector512.Load(s1 + j);
            var x2 = Vector512.Load(s2 + j);
            var x3 = Vector512.Load(s3 + j);
            var g = Vector512.Load(d + j);
            c00 = Vector512.FusedMultiplyAdd(g, x0, c00);
            c01 = Vector512.FusedMultiplyAdd(g, x1, c01);
            c02 = Vector512.FusedMultiplyAdd(g, x2, c02);
            c03 = Vector512.FusedMultiplyAdd(g, x3, c03);
            g = Vector512.Load(d + columns + j);
            c10 = Vector512.FusedMultiplyAdd(g, x0, c10);
            c11 = Vector512.FusedMultiplyAdd(g, x1, c11);
            c12 = Vector512.FusedMultiplyAdd(g, x2, c12);
            c13 = Vector512.FusedMultiplyAdd(g, x3, c13);
            g = Vector512.Load(d + (2 * columns) + j);
            c20 = Vector512.FusedMultiplyAdd(g, x0, c20);
            c21 = Vector512.FusedMultiplyAdd(g, x1, c21);
            c22 = Vector512.FusedMultiplyAdd(g, x2, c22);
            c23 = Vector512.FusedMultiplyAdd(g, x3, c23);
            g = Vector512.Load(d + (3 * columns) + j);
            c30 = Vector512.FusedMultiplyAdd(g, x0, c30);
            c31 = Vector512.FusedMultiplyAdd(g, x1, c31);
            c32 = Vector512.FusedMultiplyAdd(g, x2, c32);
            c33 = Vector512.FusedMultiplyAdd(g, x3, c33);
        }

        Fold(c00, lanes);
        Fold(c01, lanes + 4);
        Fold(c02, lanes + 8);
        Fold(c03, lanes + 12);
        Fold(c10, lanes + 16);
        Fold(c11, lanes + 20);
        Fold(c12, lanes + 24);
        Fold(c13, lanes + 28);
        Fold(c20, lanes + 32);
        Fold(c21, lanes + 36);
        Fold(c22, lanes + 40);
        Fold(c23, lanes + 44);
        Fold(c30, lanes + 48);
        Fold(c31, lanes + 52);
        Fold(c32, lanes + 56);
        Fold(c33, lanes + 60);
    }

    // 2 filters × 4 taps with each 16-lane sum split into a low and a high 256-bit half.
    [SkipLocalsInit]
    private static void TwoByFour256(float* d, nint columns, float* s0, float* s1, float* s2, float* s3, float* lanes)
    {
        Vector256<float> l00 = default, l01 = default, l02 = default, l03 = default;
        Vector256<float> h00 = default, h01 = default, h02 = default, h03 = default;
        Vector256<float> l10 = default, l11 = default, l12 = default, l13 = default;
        Vector256<float> h10 = default, h11 = default, h12 = default, h13 = default;
        for (nint j = 0; j < columns; j += Lanes)
        {
            var x0 = Vector256.Load(s0 + j);
            var x1 = Vector256.Load(s1 + j);
            var x2 = Vector256.Load(s2 + j);
            var x3 = Vector256.Load(s3 + j);
            var g = Vector256.Load(d + j);
            l00 = Vector256.FusedMultiplyAdd(g, x0, l00);
            l01 = Vector256.FusedMultiplyAdd(g, x1, l01);
            l02 = Vector256.FusedMultiplyAdd(g, x2, l02);
            l03 = Vector256.FusedMultiplyAdd(g, x3, l03);
            g = Vector256.Load(d + columns + j);
            l10 = Vector256.FusedMultiplyAdd(g, x0, l10);
            l11 = Vector256.FusedMultiplyAdd(g, x1, l11);
            l12 = Vector256.FusedMultiplyAdd(g, x2, l12);
            l13 = Vector256.FusedMultiplyAdd(g, x3, l13);
            x0 = Vector256.Load(s0 + j + 8);
            x1 = Vector256.Load(s1 + j + 8);
            x2 = Vector256.Load(s2 + j + 8);
            x3 = Vector256.Load(s3 + j + 8);
            g = Vector256.Load(d + j + 8);
            h00 = Vector256.FusedMultiplyAdd(g, x0, h00);
            h01 = Vector256.FusedMultiplyAdd(g, x1, h01);
            h02 = Vector256.FusedMultiplyAdd(g, x2, h02);
            h03 = Vector256.FusedMultiplyAdd(g, x3, h03);
            g = Vector256.Load(d + columns + j + 8);
            h10 = Vector256.FusedMultiplyAdd(g, x0, h10);
            h11 = Vector256.FusedMultiplyAdd(g, x1, h11);
            h12 = Vector256.FusedMultiplyAdd(g, x2, h12);
            h13 = Vector256.FusedMultiplyAdd(g, x3, h13);
        }

        Fold(l00 + h00, lanes);
        Fold(l01 + h01, lanes + 4);
        Fold(l02 + h02, lanes + 8);
        Fold(l03 + h03, lanes + 12);
        Fold(l10 + h10, lanes + 16);
        Fold(l11 + h11, lanes + 20);
        Fold(l12 + h12, lanes + 24);
        Fold(l13 + h13, lanes + 28);
    }

    // Lane l + 8 added to lane l, then lane l + 4 to lane l: the same additions as the 256-bit path makes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(Vector512<float> sum, float* lanes) => Fold(sum.GetLower() + sum.GetUpper(), lanes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(Vector256<float> sum, float* lanes) => (sum.GetLower() + sum.GetUpper()).Store(lanes);
}

using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Cpu;

/// <summary>
/// Copies blocks of A or B into the panel layout the micro-kernels read: for each step p, the panel's
/// <c>width</c> lanes (rows of A, or columns of B) side by side, so a kernel reads both operands sequentially
/// whatever the layout of the source. The last panel of a block is padded with zeros.
/// </summary>
/// <remarks>
/// The source value of lane l at step p is <c>source[l·laneStride + p·stepStride]</c>. One of the strides is 1:
/// lanes adjacent (A stored k×m, B stored k×n: a plain copy) or steps adjacent (A stored m×k, B stored n×k: a
/// transpose).
/// </remarks>
internal static unsafe class MatrixMultiplyPacking
{
    /// <summary>
    /// Packs <paramref name="lanes"/> lanes × <paramref name="steps"/> steps into ⌈lanes / width⌉ panels of
    /// <paramref name="steps"/> × <paramref name="width"/> floats, one after another at <paramref name="packed"/>.
    /// </summary>
    public static void PackBlock(
        float* source, nint laneStride, nint stepStride, int lanes, int steps, int width, float* packed)
    {
        for (int lane = 0; lane < lanes; lane += width)
        {
            int panelLanes = System.Math.Min(width, lanes - lane);
            float* panelSource = source + lane * laneStride;
            float* panel = packed + (nint)lane * steps;
            if (laneStride == 1)
            {
                CopyPanel(panelSource, stepStride, panelLanes, steps, width, panel);
            }
            else
            {
                TransposePanel(panelSource, laneStride, panelLanes, steps, width, panel);
            }
        }
    }

    // Lanes adjacent in the source: each step is a run of contiguous floats.
    private static void CopyPanel(float* source, nint stepStride, int lanes, int steps, int width, float* panel)
    {
        if (lanes == width && width % Vector256<float>.Count == 0)
        {
            for (int p = 0; p < steps; p++)
            {
                float* from = source + p * stepStride;
                float* to = panel + p * width;
                for (int l = 0; l < width; l += Vector256<float>.Count)
                {
                    Vector256.Store(Vector256.Load(from + l), to + l);
                }
            }
            return;
        }

        for (int p = 0; p < steps; p++)
        {
            float* from = source + p * stepStride;
            float* to = panel + p * width;
            int l = 0;
            for (; l < lanes; l++)
            {
                to[l] = from[l];
            }
            for (; l < width; l++)
            {
                to[l] = 0f;
            }
        }
    }

    // Steps adjacent in the source: each lane is a run of contiguous floats, scattered into the panel's columns.
    private static void TransposePanel(float* source, nint laneStride, int lanes, int steps, int width, float* panel)
    {
        int l = 0;
        if (Avx.IsSupported)
        {
            int fullSteps = steps & ~7;
            for (; l + 8 <= lanes; l += 8)
            {
                for (int p = 0; p < fullSteps; p += 8)
                {
                    Transpose8x8(source + l * laneStride + p, laneStride, panel + p * width + l, width);
                }
                for (int p = fullSteps; p < steps; p++)
                {
                    for (int lane = l; lane < l + 8; lane++)
                    {
                        panel[p * width + lane] = source[lane * laneStride + p];
                    }
                }
            }
        }
        for (; l < lanes; l++)
        {
            float* from = source + l * laneStride;
            for (int p = 0; p < steps; p++)
            {
                panel[p * width + l] = from[p];
            }
        }
        for (; l < width; l++)
        {
            for (int p = 0; p < steps; p++)
            {
                panel[p * width + l] = 0f;
            }
        }
    }

    // Rows r of the 8×8 block at source (row stride sourceStride) become columns r of the block at target.
    private static void Transpose8x8(float* source, nint sourceStride, float* target, nint targetStride)
    {
        Vector256<float> r0 = Avx.LoadVector256(source);
        Vector256<float> r1 = Avx.LoadVector256(source + sourceStride);
        Vector256<float> r2 = Avx.LoadVector256(source + 2 * sourceStride);
        Vector256<float> r3 = Avx.LoadVector256(source + 3 * sourceStride);
        Vector256<float> r4 = Avx.LoadVector256(source + 4 * sourceStride);
        Vector256<float> r5 = Avx.LoadVector256(source + 5 * sourceStride);
        Vector256<float> r6 = Avx.LoadVector256(source + 6 * sourceStride);
        Vector256<float> r7 = Avx.LoadVector256(source + 7 * sourceStride);

        // Interleave pairs of rows, then pairs of pairs, within each 128-bit half.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

        // Then join the matching halves of rows 0–3 and rows 4–7.
        Avx.Store(target, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(target + targetStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(target + 2 * targetStride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(target + 3 * targetStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(target + 4 * targetStride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(target + 5 * targetStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(target + 6 * targetStride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(target + 7 * targetStride, Avx.Permute2x128(u3, u7, 0x31));
    }
}

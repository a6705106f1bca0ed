using System.Runtime.CompilerServices;
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
        if (Avx.IsSupported && width < 8)
        {
            TransposeNarrowPanel(source, laneStride, lanes, steps, width, panel);
            return;
        }

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

    // A panel narrower than a vector (the AVX2 kernel's 6 rows of A): 8 steps at a time through an 8×8 transpose whose
    // missing lanes are zero. Each step's 8 results are stored whole where they fit in the panel: the floats beyond the
    // width land where the next step goes and are overwritten by it.
    private static void TransposeNarrowPanel(float* source, nint laneStride, int lanes, int steps, int width, float* panel)
    {
        int fullSteps = steps & ~7;
        int panelEnd = steps * width;
        for (int p = 0; p < fullSteps; p += 8)
        {
            float* from = source + p;
            Vector256<float> r0 = LoadLane(from, laneStride, 0, lanes), r1 = LoadLane(from, laneStride, 1, lanes);
            Vector256<float> r2 = LoadLane(from, laneStride, 2, lanes), r3 = LoadLane(from, laneStride, 3, lanes);
            Vector256<float> r4 = LoadLane(from, laneStride, 4, lanes), r5 = LoadLane(from, laneStride, 5, lanes);
            Vector256<float> r6 = LoadLane(from, laneStride, 6, lanes), r7 = LoadLane(from, laneStride, 7, lanes);
            Transpose8x8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
            StoreStep(r0, panel, (p + 0) * width, width, panelEnd); StoreStep(r1, panel, (p + 1) * width, width, panelEnd);
            StoreStep(r2, panel, (p + 2) * width, width, panelEnd); StoreStep(r3, panel, (p + 3) * width, width, panelEnd);
            StoreStep(r4, panel, (p + 4) * width, width, panelEnd); StoreStep(r5, panel, (p + 5) * width, width, panelEnd);
            StoreStep(r6, panel, (p + 6) * width, width, panelEnd); StoreStep(r7, panel, (p + 7) * width, width, panelEnd);
        }
        for (int p = fullSteps; p < steps; p++)
        {
            int l = 0;
            for (; l < lanes; l++)
            {
                panel[p * width + l] = source[l * laneStride + p];
            }
            for (; l < width; l++)
            {
                panel[p * width + l] = 0f;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> LoadLane(float* source, nint laneStride, int lane, int lanes)
        => lane < lanes ? Avx.LoadVector256(source + lane * laneStride) : Vector256<float>.Zero;

    // A step's lanes at panel[offset…]: 8 floats at once where they fit before the panel's end, else one by one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreStep(Vector256<float> step, float* panel, int offset, int width, int panelEnd)
    {
        if (offset + Vector256<float>.Count <= panelEnd)
        {
            Avx.Store(panel + offset, step);
            return;
        }
        for (int l = 0; l < width; l++)
        {
            panel[offset + l] = step.GetElement(l);
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
        Transpose8x8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
        Avx.Store(target, r0);
        Avx.Store(target + targetStride, r1);
        Avx.Store(target + 2 * targetStride, r2);
        Avx.Store(target + 3 * targetStride, r3);
        Avx.Store(target + 4 * targetStride, r4);
        Avx.Store(target + 5 * targetStride, r5);
        Avx.Store(target + 6 * targetStride, r6);
        Avx.Store(target + 7 * targetStride, r7);
    }

    // Transposes the 8×8 block held in r0…r7 (row i in ri) in place.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Transpose8x8(
        ref Vector256<float> r0, ref Vector256<float> r1, ref Vector256<float> r2, ref Vector256<float> r3,
        ref Vector256<float> r4, ref Vector256<float> r5, ref Vector256<float> r6, ref Vector256<float> r7)
    {
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
        r0 = Avx.Permute2x128(u0, u4, 0x20);
        r1 = Avx.Permute2x128(u1, u5, 0x20);
        r2 = Avx.Permute2x128(u2, u6, 0x20);
        r3 = Avx.Permute2x128(u3, u7, 0x20);
        r4 = Avx.Permute2x128(u0, u4, 0x31);
        r5 = Avx.Permute2x128(u1, u5, 0x31);
        r6 = Avx.Permute2x128(u2, u6, 0x31);
        r7 = Avx.Permute2x128(u3, u7, 0x31);
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// Pooling of one plane. Outputs whose windows lie wholly inside the plane's columns are computed four at a time,
/// one per vector lane; the others (windows over the left or right padding) one at a time. Both paths visit a
/// window's cells in the same row-major order with the same operations, so every output has the same bits either way.
/// </summary>
/// <remarks>
/// Vectors across outputs matter for max pooling: one output at a time, each cell's compare-and-select waits for the
/// previous one, and a branch instead mispredicts every other cell on random data.
/// </remarks>
internal static unsafe class PoolingPlanes
{
    private const int Lanes = 4;

    /// <summary>Max pooling of the plane at <paramref name="x"/>, whose first cell is input index <paramref name="xStart"/>.</summary>
    public static void MaxPlane(float* x, int xStart, float* y, int* argMax, in Pool2DShape shape)
    {
        var (interiorFirst, interiorEnd) = InteriorColumns(shape);
        int outputWidth = shape.OutputWidth, outputHeight = shape.OutputHeight;
        for (var oh = 0; oh < outputHeight; oh++, y += outputWidth, argMax += outputWidth)
        {
            var (top, bottom) = WindowRange(oh, shape.Height, shape);
            for (var ow = 0; ow < interiorFirst; ow++)
            {
                MaxOne(x, xStart, y, argMax, ow, top, bottom, shape);
            }

            for (var ow = interiorEnd; ow < outputWidth; ow++)
            {
                MaxOne(x, xStart, y, argMax, ow, top, bottom, shape);
            }

            if (interiorEnd - interiorFirst < Lanes)
            {
                for (var ow = interiorFirst; ow < interiorEnd; ow++)
                {
                    MaxOne(x, xStart, y, argMax, ow, top, bottom, shape);
                }

                continue;
            }

            // The last block is moved back to end at interiorEnd; the outputs it repeats get the same values again.
            for (var ow = interiorFirst; ow < interiorEnd; ow += Lanes)
            {
                MaxLanes(x, xStart, y, argMax, Math.Min(ow, interiorEnd - Lanes), top, bottom, shape);
            }
        }
    }

    /// <summary>Average pooling (padded cells count as zeros) of the plane at <paramref name="x"/>.</summary>
    public static void AveragePlane(float* x, float* y, in Pool2DShape shape)
    {
        var (interiorFirst, interiorEnd) = InteriorColumns(shape);
        int outputWidth = shape.OutputWidth, outputHeight = shape.OutputHeight;
        for (var oh = 0; oh < outputHeight; oh++, y += outputWidth)
        {
            var (top, bottom) = WindowRange(oh, shape.Height, shape);
            for (var ow = 0; ow < interiorFirst; ow++)
            {
                AverageOne(x, y, ow, top, bottom, shape);
            }

            for (var ow = interiorEnd; ow < outputWidth; ow++)
            {
                AverageOne(x, y, ow, top, bottom, shape);
            }

            if (interiorEnd - interiorFirst < Lanes)
            {
                for (var ow = interiorFirst; ow < interiorEnd; ow++)
                {
                    AverageOne(x, y, ow, top, bottom, shape);
                }

                continue;
            }

            for (var ow = interiorFirst; ow < interiorEnd; ow += Lanes)
            {
                AverageLanes(x, y, Math.Min(ow, interiorEnd - Lanes), top, bottom, shape);
            }
        }
    }

    /// <summary>dx += dy[o] / Window² over the input cells of each window o, outputs in row-major order.</summary>
    public static void AveragePlaneBackward(float* dy, float* dx, in Pool2DShape shape)
    {
        int width = shape.Width, outputWidth = shape.OutputWidth, outputHeight = shape.OutputHeight;
        float area = shape.Window * shape.Window;
        for (var oh = 0; oh < outputHeight; oh++, dy += outputWidth)
        {
            var (top, bottom) = WindowRange(oh, shape.Height, shape);
            for (var ow = 0; ow < outputWidth; ow++)
            {
                var (left, right) = WindowRange(ow, width, shape);
                var share = dy[ow] / area;
                for (var h = top; h < bottom; h++)
                {
                    for (var w = left; w < right; w++)
                    {
                        dx[(h * width) + w] += share;
                    }
                }
            }
        }
    }

    // Scans the window's cells in row-major order and keeps a cell when it is greater than the maximum so far or NaN.
    private static void MaxOne(float* x, int xStart, float* y, int* argMax, int ow, int top, int bottom, in Pool2DShape shape)
    {
        var width = shape.Width;
        var (left, right) = WindowRange(ow, width, shape);
        var best = (top * width) + left;
        var max = x[best];
        for (var h = top; h < bottom; h++)
        {
            for (var w = left; w < right; w++)
            {
                var index = (h * width) + w;
                var value = x[index];
                // Masks, not a branch: a branch mispredicts every other cell on random data.
                var take = -(AsInt(value > max) | AsInt(float.IsNaN(value)));
                max = BitConverter.Int32BitsToSingle(
                    (BitConverter.SingleToInt32Bits(value) & take) | (BitConverter.SingleToInt32Bits(max) & ~take));
                best = (index & take) | (best & ~take);
            }
        }

        y[ow] = max;
        argMax[ow] = xStart + best;
    }

    // MaxOne for outputs ow … ow + 3, whose windows lie inside the columns.
    private static void MaxLanes(float* x, int xStart, float* y, int* argMax, int ow, int top, int bottom, in Pool2DShape shape)
    {
        int width = shape.Width, stride = shape.Stride, window = shape.Window;
        var left = (ow * stride) - shape.Padding;
        var laneOffsets = Vector128.Create(0, stride, 2 * stride, 3 * stride);
        var first = (top * width) + left;
        var max = Load(x + first, stride);
        var best = Vector128.Create(first) + laneOffsets;
        for (var h = top; h < bottom; h++)
        {
            for (var kw = h == top ? 1 : 0; kw < window; kw++)
            {
                var index = (h * width) + left + kw;
                var value = Load(x + index, stride);
                var take = Vector128.GreaterThan(value, max) | ~Vector128.Equals(value, value);
                max = Vector128.ConditionalSelect(take, value, max);
                best = Vector128.ConditionalSelect(take.AsInt32(), Vector128.Create(index) + laneOffsets, best);
            }
        }

        max.Store(y + ow);
        (best + Vector128.Create(xStart)).Store(argMax + ow);
    }

    private static void AverageOne(float* x, float* y, int ow, int top, int bottom, in Pool2DShape shape)
    {
        var width = shape.Width;
        var (left, right) = WindowRange(ow, width, shape);
        var sum = 0f;
        for (var h = top; h < bottom; h++)
        {
            for (var w = left; w < right; w++)
            {
                sum += x[(h * width) + w];
            }
        }

        y[ow] = sum / (shape.Window * shape.Window);
    }

    private static void AverageLanes(float* x, float* y, int ow, int top, int bottom, in Pool2DShape shape)
    {
        int width = shape.Width, stride = shape.Stride, window = shape.Window;
        var left = (ow * stride) - shape.Padding;
        var sum = Vector128<float>.Zero;
        for (var h = top; h < bottom; h++)
        {
            for (var kw = 0; kw < window; kw++)
            {
                sum += Load(x + (h * width) + left + kw, stride);
            }
        }

        (sum / Vector128.Create((float)(window * window))).Store(y + ow);
    }

    // p[0], p[S], p[2S], p[3S].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Load(float* p, int stride) =>
        stride == 1 ? Vector128.Load(p) : Vector128.Create(p[0], p[stride], p[2 * stride], p[3 * stride]);

    private static int AsInt(bool value) => Unsafe.As<bool, byte>(ref value);

    /// <summary>The input rows (or columns) [start, end) under output row (or column) o, clipped to the input.</summary>
    internal static (int Start, int End) WindowRange(int o, int inputLength, in Pool2DShape shape)
    {
        var start = (o * shape.Stride) - shape.Padding;
        return (Math.Max(start, 0), Math.Min(start + shape.Window, inputLength));
    }

    // The output columns [first, end) whose windows lie wholly inside the input's columns.
    private static (int First, int End) InteriorColumns(in Pool2DShape shape)
    {
        var first = Math.Min(shape.OutputWidth, (shape.Padding + shape.Stride - 1) / shape.Stride);
        var last = shape.Width + shape.Padding - shape.Window;
        var end = last < 0 ? 0 : Math.Min(shape.OutputWidth, (last / shape.Stride) + 1);
        return (first, Math.Max(first, end));
    }
}

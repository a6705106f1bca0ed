using System;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// im2col and its adjoint for one NCHW sample. The im2col matrix has one row per input value under a window,
/// (c·K + kh)·K + kw, and one column per output position, oh·OW + ow, so that weights [F, C·K·K] times it give the
/// sample's output [F, OH·OW] directly in NCHW order.
/// </summary>
internal static unsafe class Conv2DColumns
{
    /// <summary>Whether the im2col matrix is the image itself (1×1 kernel, stride 1, no padding).</summary>
    public static bool IsImage(in Conv2DShape shape) => shape.Kernel == 1 && shape.Stride == 1 && shape.Padding == 0;

    /// <summary>columns[(c·K + kh)·K + kw, oh·OW + ow] = image[c, oh·S + kh − P, ow·S + kw − P], or 0 in the padding.</summary>
    public static void Im2Col(float* image, float* columns, in Conv2DShape shape)
    {
        int height = shape.Height, width = shape.Width, kernel = shape.Kernel, stride = shape.Stride, padding = shape.Padding;
        int outputHeight = shape.OutputHeight, outputWidth = shape.OutputWidth;
        var row = columns;
        for (var channel = 0; channel < shape.Channels; channel++)
        {
            var plane = image + ((nint)channel * height * width);
            for (var kh = 0; kh < kernel; kh++)
            {
                for (var kw = 0; kw < kernel; kw++)
                {
                    var (first, end) = ValidOutputs(kw, shape.Width, outputWidth, stride, padding);
                    for (var oh = 0; oh < outputHeight; oh++, row += outputWidth)
                    {
                        var ih = (oh * stride) + kh - padding;
                        if ((uint)ih >= (uint)height)
                        {
                            Conv2DVectors.Clear(row, outputWidth);
                            continue;
                        }

                        // source[ow·S] is image[c, ih, ow·S + kw − P].
                        var source = plane + ((nint)ih * width) + kw - padding;
                        Conv2DVectors.Clear(row, first);
                        if (stride == 1)
                        {
                            Conv2DVectors.Copy(source + first, row + first, end - first);
                        }
                        else
                        {
                            for (var ow = first; ow < end; ow++)
                            {
                                row[ow] = source[(nint)ow * stride];
                            }
                        }

                        Conv2DVectors.Clear(row + end, outputWidth - end);
                    }
                }
            }
        }
    }

    /// <summary>image[c, oh·S + kh − P, ow·S + kw − P] += columns[(c·K + kh)·K + kw, oh·OW + ow] over the cells inside the
    /// image, in that row-major order of the columns: the adjoint of <see cref="Im2Col"/>.</summary>
    public static void Col2ImAdd(float* columns, float* image, in Conv2DShape shape)
    {
        int height = shape.Height, width = shape.Width, kernel = shape.Kernel, stride = shape.Stride, padding = shape.Padding;
        int outputHeight = shape.OutputHeight, outputWidth = shape.OutputWidth;
        var row = columns;
        for (var channel = 0; channel < shape.Channels; channel++)
        {
            var plane = image + ((nint)channel * height * width);
            for (var kh = 0; kh < kernel; kh++)
            {
                for (var kw = 0; kw < kernel; kw++)
                {
                    var (first, end) = ValidOutputs(kw, shape.Width, outputWidth, stride, padding);
                    for (var oh = 0; oh < outputHeight; oh++, row += outputWidth)
                    {
                        var ih = (oh * stride) + kh - padding;
                        if ((uint)ih >= (uint)height)
                        {
                            continue;
                        }

                        var target = plane + ((nint)ih * width) + kw - padding;
                        if (stride == 1)
                        {
                            Conv2DVectors.AddTo(row + first, target + first, end - first);
                        }
                        else
                        {
                            for (var ow = first; ow < end; ow++)
                            {
                                target[(nint)ow * stride] += row[ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>The outputs [first, end) along one axis whose window cell at <paramref name="offset"/> lies inside the input.</summary>
    internal static (int First, int End) ValidOutputs(int offset, int inputLength, int outputLength, int stride, int padding)
    {
        // Output o reads input o·S + offset − P, which must lie in [0, inputLength).
        var lowest = padding - offset;
        var first = lowest <= 0 ? 0 : Math.Min(outputLength, (lowest + stride - 1) / stride);
        var highest = inputLength - 1 + padding - offset;
        var end = highest < 0 ? 0 : Math.Min(outputLength, (highest / stride) + 1);
        return (first, Math.Max(first, end));
    }
}

using System;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

/// <summary>Max and average pooling in double, straight from their definitions.</summary>
internal static class PoolingReference
{
    /// <summary>The maximum of each window over its input cells and the index into the input of the first one, a NaN
    /// being taken over any number and a later NaN over an earlier one.</summary>
    public static (double[] Y, int[] ArgMax) Max(ReadOnlySpan<double> x, int batch, Pool2DShape s)
    {
        var y = new double[batch * s.OutputSize];
        var argMax = new int[y.Length];
        var i = 0;
        for (var plane = 0; plane < batch * s.Channels; plane++)
        {
            for (var oh = 0; oh < s.OutputHeight; oh++)
            {
                for (var ow = 0; ow < s.OutputWidth; ow++, i++)
                {
                    y[i] = double.NegativeInfinity;
                    foreach (var index in Window(plane, oh, ow, s))
                    {
                        if (x[index] > y[i] || double.IsNaN(x[index]))
                        {
                            y[i] = x[index];
                            argMax[i] = index;
                        }
                    }
                }
            }
        }

        return (y, argMax);
    }

    /// <summary>The sum of each window over its input cells divided by Window², padded cells counting as zeros.</summary>
    public static double[] Average(ReadOnlySpan<double> x, int batch, Pool2DShape s)
    {
        var y = new double[batch * s.OutputSize];
        var i = 0;
        for (var plane = 0; plane < batch * s.Channels; plane++)
        {
            for (var oh = 0; oh < s.OutputHeight; oh++)
            {
                for (var ow = 0; ow < s.OutputWidth; ow++, i++)
                {
                    foreach (var index in Window(plane, oh, ow, s))
                    {
                        y[i] += x[index];
                    }

                    y[i] /= s.Window * s.Window;
                }
            }
        }

        return y;
    }

    /// <summary>The input indices of the cells of window (oh, ow) of a plane that lie inside the input.</summary>
    public static int[] Window(int plane, int oh, int ow, Pool2DShape s)
    {
        var cells = new System.Collections.Generic.List<int>();
        for (var kh = 0; kh < s.Window; kh++)
        {
            for (var kw = 0; kw < s.Window; kw++)
            {
                int h = (oh * s.Stride) + kh - s.Padding, w = (ow * s.Stride) + kw - s.Padding;
                if (h >= 0 && h < s.Height && w >= 0 && w < s.Width)
                {
                    cells.Add((plane * s.Height * s.Width) + (h * s.Width) + w);
                }
            }
        }

        return cells.ToArray();
    }

    /// <summary>The values offset + 0.01·k for k = 0 … length − 1 in random order: no ties, gaps far above any ε used here.</summary>
    public static float[] Distinct(int length, float offset, Random random)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = offset + (0.01f * i);
        }

        random.Shuffle(values);
        return values;
    }
}

using System;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

/// <summary>A direct convolution in double, the definition the kernels are tested against, and test data.</summary>
internal static class Conv2DReference
{
    /// <summary>z[n, f, oh, ow] = b[f] + Σ W[f, c, kh, kw] · x[n, c, oh·S + kh − P, ow·S + kw − P]; also Σ of the terms' magnitudes.</summary>
    public static (double[] Z, double[] Magnitude) Forward(
        ReadOnlySpan<double> x, ReadOnlySpan<double> w, ReadOnlySpan<double> b, int batch, Conv2DShape s)
    {
        int oh = s.OutputHeight, ow = s.OutputWidth;
        var z = new double[batch * s.OutputSize];
        var magnitude = new double[z.Length];
        for (var n = 0; n < batch; n++)
        {
            for (var f = 0; f < s.Filters; f++)
            {
                for (var i = 0; i < oh; i++)
                {
                    for (var j = 0; j < ow; j++)
                    {
                        var sum = b.IsEmpty ? 0.0 : b[f];
                        var size = Math.Abs(sum);
                        for (var c = 0; c < s.Channels; c++)
                        {
                            for (var kh = 0; kh < s.Kernel; kh++)
                            {
                                for (var kw = 0; kw < s.Kernel; kw++)
                                {
                                    int h = (i * s.Stride) + kh - s.Padding, v = (j * s.Stride) + kw - s.Padding;
                                    if (h < 0 || h >= s.Height || v < 0 || v >= s.Width)
                                    {
                                        continue;
                                    }

                                    var term = w[(((f * s.Channels) + c) * s.Kernel * s.Kernel) + (kh * s.Kernel) + kw]
                                        * x[(n * s.InputSize) + (((c * s.Height) + h) * s.Width) + v];
                                    sum += term;
                                    size += Math.Abs(term);
                                }
                            }
                        }

                        var index = (n * s.OutputSize) + (((f * oh) + i) * ow) + j;
                        z[index] = sum;
                        magnitude[index] = size;
                    }
                }
            }
        }

        return (z, magnitude);
    }

    /// <summary>L = Σ r ⊙ z, in double.</summary>
    public static double Loss(ReadOnlySpan<double> x, ReadOnlySpan<double> w, ReadOnlySpan<double> b, ReadOnlySpan<double> r, int batch, Conv2DShape s)
    {
        var z = Forward(x, w, b, batch, s).Z;
        var loss = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            loss += r[i] * z[i];
        }

        return loss;
    }

    public static float[] Random(int length, Random random)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    public static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);

    public static float[] Filled(int length, float value)
    {
        var values = new float[length];
        Array.Fill(values, value);
        return values;
    }

    public static void AssertBitIdentical(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{what}[{i}] = {actual[i]:R}, expected {expected[i]:R}");
            }
        }
    }
}

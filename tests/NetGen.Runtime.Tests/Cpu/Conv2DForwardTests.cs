using System;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

public sealed class Conv2DForwardTests
{
    /// <summary>Stride 1 and 2 × padding 0, 1, 2 × kernel 1, 3, 5 × channels 1, 3 × filters 1, 4 × batch 1, 3, on a 7×9
    /// input, with and without bias in turn; then a few odd sizes.</summary>
    public static TheoryData<int, int, int, int, int, int, int, int, bool> Shapes()
    {
        var data = new TheoryData<int, int, int, int, int, int, int, int, bool>();
        var index = 0;
        foreach (var stride in new[] { 1, 2 })
        {
            foreach (var padding in new[] { 0, 1, 2 })
            {
                foreach (var kernel in new[] { 1, 3, 5 })
                {
                    foreach (var channels in new[] { 1, 3 })
                    {
                        foreach (var filters in new[] { 1, 4 })
                        {
                            foreach (var batch in new[] { 1, 3 })
                            {
                                data.Add(channels, 7, 9, filters, kernel, stride, padding, batch, index++ % 3 != 0);
                            }
                        }
                    }
                }
            }
        }

        data.Add(1, 1, 1, 1, 1, 1, 0, 2, true);
        data.Add(2, 1, 1, 3, 3, 1, 1, 2, true);
        data.Add(2, 3, 3, 5, 3, 1, 0, 2, true);
        data.Add(2, 12, 10, 3, 4, 3, 1, 2, true);
        data.Add(3, 6, 5, 2, 2, 2, 0, 4, false);
        data.Add(1, 28, 28, 6, 5, 1, 2, 2, true);
        data.Add(6, 14, 14, 16, 5, 1, 0, 2, true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Relu_MatchesDirectConvolution(int c, int h, int w, int f, int k, int s, int p, int batch, bool hasBias) =>
        AssertMatchesReference(new Conv2DShape(c, h, w, f, k, s, p), batch, hasBias, default(ReluActivation), seed: (c * 1000) + (k * 100) + (s * 10) + p);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Identity_MatchesDirectConvolution(int c, int h, int w, int f, int k, int s, int p, int batch, bool hasBias) =>
        AssertMatchesReference(new Conv2DShape(c, h, w, f, k, s, p), batch, hasBias, default(IdentityActivation), seed: (f * 1000) + (k * 100) + (s * 10) + p);

    [Fact]
    public void OutputMayBeThePreActivationBuffer()
    {
        var shape = new Conv2DShape(3, 7, 9, 4, 3, 2, 1);
        var random = new Random(5);
        var x = Conv2DReference.Random(2 * shape.InputSize, random);
        var weight = Conv2DReference.Random(shape.WeightLength, random);
        var bias = Conv2DReference.Random(shape.Filters, random);
        var z = new float[2 * shape.OutputSize];
        var a = new float[z.Length];
        Conv2DKernels.Forward(x, weight, bias, z, a, 2, shape, default(TanhActivation));

        var inPlace = new float[z.Length];
        Conv2DKernels.Forward(x, weight, bias, inPlace, inPlace, 2, shape, default(TanhActivation));

        Conv2DReference.AssertBitIdentical(a, inPlace, "a");
    }

    [Fact]
    public void LongerSpans_AreUsedOnlyUpToTheirTensors()
    {
        var shape = new Conv2DShape(2, 5, 6, 3, 3, 1, 1);
        var random = new Random(6);
        var x = Conv2DReference.Random(shape.InputSize, random);
        var weight = Conv2DReference.Random(shape.WeightLength, random);
        var z = Conv2DReference.Filled(shape.OutputSize + 5, 42f);
        var a = Conv2DReference.Filled(shape.OutputSize + 5, 42f);

        Conv2DKernels.Forward(x, weight, ReadOnlySpan<float>.Empty, z, a, 1, shape, default(IdentityActivation));

        for (var i = shape.OutputSize; i < z.Length; i++)
        {
            Assert.Equal(42f, z[i]);
            Assert.Equal(42f, a[i]);
        }
    }

    [Theory]
    [InlineData(1, 28, 28, 6, 5, 2)]
    [InlineData(6, 14, 14, 16, 5, 0)]
    [InlineData(3, 7, 9, 5, 3, 1)]
    [InlineData(2, 5, 6, 9, 1, 1)]
    public unsafe void Stride1_IsBitIdenticalToIm2ColAndAProduct(int c, int size, int width, int f, int k, int p)
    {
        // Stride 1 runs the direct kernel; its sums are the same fused multiply-add chains as the product's.
        var shape = new Conv2DShape(c, size, width, f, k, 1, p);
        const int Batch = 3;
        var random = new Random(17);
        var x = Conv2DReference.Random(Batch * shape.InputSize, random);
        var weight = Conv2DReference.Random(shape.WeightLength, random);
        var z = new float[Batch * shape.OutputSize];
        Conv2DKernels.Forward(x, weight, ReadOnlySpan<float>.Empty, z, z, Batch, shape, default(IdentityActivation));

        var plane = shape.OutputHeight * shape.OutputWidth;
        var columns = new float[shape.Channels * k * k * plane];
        var expected = new float[z.Length];
        for (var n = 0; n < Batch; n++)
        {
            fixed (float* image = &x[n * shape.InputSize], target = columns)
            {
                Conv2DColumns.Im2Col(image, target, shape);
            }

            MatrixMultiply.Multiply(weight, columns, expected.AsSpan(n * shape.OutputSize, shape.OutputSize), f, plane, c * k * k);
        }

        Conv2DReference.AssertBitIdentical(expected, z, "z");
    }

    private static void AssertMatchesReference<TActivation>(Conv2DShape shape, int batch, bool hasBias, TActivation activation, int seed)
        where TActivation : struct, IActivation
    {
        var random = new Random(seed);
        var x = Conv2DReference.Random(batch * shape.InputSize, random);
        var weight = Conv2DReference.Random(shape.WeightLength, random);
        var bias = hasBias ? Conv2DReference.Random(shape.Filters, random) : [];
        var z = Conv2DReference.Filled(batch * shape.OutputSize, float.NaN);
        var a = Conv2DReference.Filled(batch * shape.OutputSize, float.NaN);

        Conv2DKernels.Forward(x, weight, bias, z, a, batch, shape, activation);

        var (expected, magnitude) = Conv2DReference.Forward(
            Conv2DReference.ToDouble(x), Conv2DReference.ToDouble(weight), Conv2DReference.ToDouble(bias), batch, shape);
        for (var i = 0; i < expected.Length; i++)
        {
            // A float sum of these terms is off by at most a few ulps of the sum of their magnitudes.
            var tolerance = 1e-6 * (1 + magnitude[i]);
            if (!(Math.Abs(z[i] - expected[i]) <= tolerance))
            {
                Assert.Fail($"{shape}, batch {batch}: z[{i}] = {z[i]:R}, expected {expected[i]:R}");
            }

            Assert.Equal(activation.Apply(z[i]), a[i]);
        }
    }
}

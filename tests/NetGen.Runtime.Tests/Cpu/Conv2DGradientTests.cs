using System;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

/// <summary>
/// Backward against central finite differences of L = Σ r ⊙ z with random r, so ∂L/∂z = r is the delta handed to the
/// kernel. The numeric side runs the double reference forward (<see cref="Conv2DReference"/>) with ε = 1e-3; L is linear
/// in every parameter, so it carries no truncation error and the comparison measures the float kernel's rounding.
/// </summary>
public sealed class Conv2DGradientTests
{
    private const double Epsilon = 1e-3;
    private const double Tolerance = 1e-3;

    /// <summary>Stride 1 and 2 × padding 0 and 2 × kernel 1, 3, 5 × channels 1 and 3 on a 7×9 input; filters and batch vary.</summary>
    public static TheoryData<int, int, int, int, int, int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int, int, int, int, int, int>();
        var index = 0;
        foreach (var stride in new[] { 1, 2 })
        {
            foreach (var padding in new[] { 0, 2 })
            {
                foreach (var kernel in new[] { 1, 3, 5 })
                {
                    foreach (var channels in new[] { 1, 3 })
                    {
                        data.Add(channels, 7, 9, index % 2 == 0 ? 2 : 4, kernel, stride, padding, index % 3 == 0 ? 1 : 3);
                        index++;
                    }
                }
            }
        }

        data.Add(2, 12, 10, 3, 4, 3, 1, 2);
        data.Add(2, 6, 5, 2, 2, 2, 0, 3);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gradients_MatchFiniteDifferences(int c, int h, int w, int f, int k, int s, int p, int batch)
    {
        var shape = new Conv2DShape(c, h, w, f, k, s, p);
        var random = new Random((c * 7919) + (k * 104729) + (s * 31) + (p * 17) + batch);
        var x = Conv2DReference.Random(batch * shape.InputSize, random);
        var weight = Conv2DReference.Random(shape.WeightLength, random);
        var bias = Conv2DReference.Random(shape.Filters, random);
        var r = Conv2DReference.Random(batch * shape.OutputSize, random);
        var weightGradient = Conv2DReference.Filled(shape.WeightLength, float.NaN);
        var biasGradient = Conv2DReference.Filled(shape.Filters, float.NaN);
        var inputDelta = Conv2DReference.Filled(batch * shape.InputSize, float.NaN);

        Conv2DKernels.Backward(x, weight, r, weightGradient, biasGradient, inputDelta, batch, shape);

        double[] xd = Conv2DReference.ToDouble(x), wd = Conv2DReference.ToDouble(weight);
        double[] bd = Conv2DReference.ToDouble(bias), rd = Conv2DReference.ToDouble(r);
        double Loss() => Conv2DReference.Loss(xd, wd, bd, rd, batch, shape);
        AssertMatches(weightGradient, wd, Loss, $"{shape} batch {batch}: ∂L/∂W");
        AssertMatches(biasGradient, bd, Loss, $"{shape} batch {batch}: ∂L/∂b");
        AssertMatches(inputDelta, xd, Loss, $"{shape} batch {batch}: ∂L/∂x");
    }

    [Fact]
    public void EmptyBiasAndInputDelta_AreSkippedWithoutChangingTheWeightGradient()
    {
        var shape = new Conv2DShape(3, 9, 8, 4, 3, 1, 1);
        const int Batch = 5;
        var random = new Random(3);
        var x = Conv2DReference.Random(Batch * shape.InputSize, random);
        var weight = Conv2DReference.Random(shape.WeightLength, random);
        var r = Conv2DReference.Random(Batch * shape.OutputSize, random);
        var full = new float[shape.WeightLength];
        Conv2DKernels.Backward(x, weight, r, full, new float[shape.Filters], new float[x.Length], Batch, shape);

        var alone = Conv2DReference.Filled(shape.WeightLength, float.NaN);
        Conv2DKernels.Backward(x, weight, r, alone, Span<float>.Empty, Span<float>.Empty, Batch, shape);

        Conv2DReference.AssertBitIdentical(full, alone, "∂L/∂W");
    }

    [Fact]
    public void LargeBatch_SumsEveryGroupOfSamples()
    {
        // More samples than the backward pass has groups, and a batch that does not divide evenly among them.
        var shape = new Conv2DShape(2, 6, 6, 3, 3, 1, 1);
        const int Batch = 37;
        var random = new Random(8);
        var x = Conv2DReference.Random(Batch * shape.InputSize, random);
        var weight = Conv2DReference.Random(shape.WeightLength, random);
        var r = Conv2DReference.Random(Batch * shape.OutputSize, random);
        var weightGradient = new float[shape.WeightLength];
        var biasGradient = new float[shape.Filters];
        Conv2DKernels.Backward(x, weight, r, weightGradient, biasGradient, Span<float>.Empty, Batch, shape);

        // z is linear in W and b, so the gradient of Σ r ⊙ z is Σ r ⊙ (z of a unit W or b) computed directly.
        var xd = Conv2DReference.ToDouble(x);
        for (var i = 0; i < weightGradient.Length; i++)
        {
            var unit = new double[shape.WeightLength];
            unit[i] = 1;
            var expected = Conv2DReference.Loss(xd, unit, [], Conv2DReference.ToDouble(r), Batch, shape);
            Assert.True(RelativeError(weightGradient[i], expected) <= Tolerance, $"∂L/∂W[{i}] = {weightGradient[i]:R}, expected {expected:R}");
        }

        for (var filter = 0; filter < shape.Filters; filter++)
        {
            var expected = 0.0;
            for (var n = 0; n < Batch; n++)
            {
                for (var j = 0; j < shape.OutputHeight * shape.OutputWidth; j++)
                {
                    expected += r[(n * shape.OutputSize) + (filter * shape.OutputHeight * shape.OutputWidth) + j];
                }
            }

            Assert.True(RelativeError(biasGradient[filter], expected) <= Tolerance, $"∂L/∂b[{filter}] = {biasGradient[filter]:R}, expected {expected:R}");
        }
    }

    // Relative to the larger magnitude, but no finer than 1e-4 absolute for gradients near zero.
    internal static double RelativeError(double analytic, double numeric) =>
        Math.Abs(analytic - numeric) / Math.Max(0.1, Math.Max(Math.Abs(analytic), Math.Abs(numeric)));

    private static void AssertMatches(float[] analytic, double[] parameters, Func<double> loss, string what)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var saved = parameters[i];
            parameters[i] = saved + Epsilon;
            var plus = loss();
            parameters[i] = saved - Epsilon;
            var minus = loss();
            parameters[i] = saved;
            var numeric = (plus - minus) / (2 * Epsilon);
            if (!(RelativeError(analytic[i], numeric) <= Tolerance))
            {
                Assert.Fail($"{what}[{i}] = {analytic[i]:R}, finite differences give {numeric:R}");
            }
        }
    }
}

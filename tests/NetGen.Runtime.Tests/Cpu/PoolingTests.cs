using System;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

public sealed class PoolingTests
{
    private const double Epsilon = 1e-4;

    /// <summary>Windows 1–3, strides 1–3, every padding below the window, on odd planes; 3 stride 2 overlaps.</summary>
    public static TheoryData<int, int, int, int, int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int, int, int, int, int>();
        foreach (var window in new[] { 1, 2, 3 })
        {
            foreach (var stride in new[] { 1, 2, 3 })
            {
                for (var padding = 0; padding < window; padding++)
                {
                    data.Add(2, 7, 9, window, stride, padding, 2);
                }
            }
        }

        data.Add(1, 1, 1, 1, 1, 0, 3);
        data.Add(3, 5, 4, 4, 1, 0, 1);
        data.Add(6, 28, 28, 2, 2, 0, 2);
        data.Add(16, 10, 10, 2, 2, 0, 2);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MaxPoolForward_MatchesDefinition(int c, int h, int w, int window, int stride, int padding, int batch)
    {
        var shape = new Pool2DShape(c, h, w, window, stride, padding);
        // All negative, so a padded cell taken as 0 would win wherever a window overlaps the padding.
        var x = PoolingReference.Distinct(batch * shape.InputSize, -10f, new Random(h + window + stride + padding));
        var y = Conv2DReference.Filled(batch * shape.OutputSize, float.NaN);
        var argMax = new int[y.Length];

        PoolingKernels.MaxPoolForward(x, y, argMax, batch, shape);

        var (expected, expectedArgMax) = PoolingReference.Max(Conv2DReference.ToDouble(x), batch, shape);
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(expected[i], y[i]);
            Assert.Equal(expectedArgMax[i], argMax[i]);
        }
    }

    [Fact]
    public void MaxPoolForward_TakesTheFirstOfTiedMaxima()
    {
        var shape = new Pool2DShape(1, 2, 4, 2, 2, 0);
        float[] x = [1, 3, 3, 3, 3, 0, 3, 2];
        var y = new float[2];
        var argMax = new int[2];

        PoolingKernels.MaxPoolForward(x, y, argMax, 1, shape);

        Assert.Equal([3f, 3f], y);
        Assert.Equal([1, 2], argMax);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void MaxPoolForward_PropagatesNaN(int padding)
    {
        // Windows inside the plane take the vector path, windows over the padding the scalar one; both must agree.
        var shape = new Pool2DShape(2, 6, 13, 3, 2, padding);
        var x = PoolingReference.Distinct(2 * shape.InputSize, -1f, new Random(9));
        foreach (var index in new[] { 0, 5, 14, 15, 27, 40, 41, 77, 90, 100, 101, 155 })
        {
            x[index] = float.NaN;
        }

        var y = new float[2 * shape.OutputSize];
        var argMax = new int[y.Length];
        PoolingKernels.MaxPoolForward(x, y, argMax, 2, shape);

        var (expected, expectedArgMax) = PoolingReference.Max(Conv2DReference.ToDouble(x), 2, shape);
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(expected[i], y[i]);
            Assert.Equal(expectedArgMax[i], argMax[i]);
        }

        Assert.Contains(y, float.IsNaN);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MaxPoolInputGradient_MatchesFiniteDifferences(int c, int h, int w, int window, int stride, int padding, int batch)
    {
        var shape = new Pool2DShape(c, h, w, window, stride, padding);
        var random = new Random((c * 100) + (window * 10) + stride + padding);
        var x = PoolingReference.Distinct(batch * shape.InputSize, -3f, random);
        var r = Conv2DReference.Random(batch * shape.OutputSize, random);
        var y = new float[r.Length];
        var argMax = new int[r.Length];
        var inputDelta = Conv2DReference.Filled(x.Length, float.NaN);

        PoolingKernels.MaxPoolForward(x, y, argMax, batch, shape);
        PoolingKernels.MaxPoolInputGradient(r, argMax, inputDelta, batch, shape);

        AssertMatchesFiniteDifferences(inputDelta, x, r, xd => PoolingReference.Max(xd, batch, shape).Y);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AvgPoolForward_MatchesDefinition(int c, int h, int w, int window, int stride, int padding, int batch)
    {
        var shape = new Pool2DShape(c, h, w, window, stride, padding);
        var x = Conv2DReference.Random(batch * shape.InputSize, new Random(h + window + stride + padding));
        var y = Conv2DReference.Filled(batch * shape.OutputSize, float.NaN);

        PoolingKernels.AvgPoolForward(x, y, batch, shape);

        var expected = PoolingReference.Average(Conv2DReference.ToDouble(x), batch, shape);
        for (var i = 0; i < y.Length; i++)
        {
            Assert.True(Math.Abs(y[i] - expected[i]) <= 1e-6, $"y[{i}] = {y[i]:R}, expected {expected[i]:R}");
        }
    }

    [Fact]
    public void AvgPoolForward_CountsPaddedCellsAsZeros()
    {
        // A 3×3 window at the corner of an all-ones plane padded by 1 covers 4 ones and 5 zeros.
        var shape = new Pool2DShape(1, 4, 4, 3, 3, 1);
        var y = new float[shape.OutputSize];

        PoolingKernels.AvgPoolForward(Conv2DReference.Filled(16, 1f), y, 1, shape);

        Assert.Equal(4f / 9f, y[0]);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AvgPoolInputGradient_MatchesFiniteDifferences(int c, int h, int w, int window, int stride, int padding, int batch)
    {
        var shape = new Pool2DShape(c, h, w, window, stride, padding);
        var random = new Random((c * 100) + (window * 10) + stride + padding);
        var x = Conv2DReference.Random(batch * shape.InputSize, random);
        var r = Conv2DReference.Random(batch * shape.OutputSize, random);
        var inputDelta = Conv2DReference.Filled(x.Length, float.NaN);

        PoolingKernels.AvgPoolInputGradient(r, inputDelta, batch, shape);

        AssertMatchesFiniteDifferences(inputDelta, x, r, xd => PoolingReference.Average(xd, batch, shape));
    }

    [Theory]
    [InlineData(0, 5, 5, 2, 2, 0, "Channels")]
    [InlineData(1, 0, 5, 2, 2, 0, "Height")]
    [InlineData(1, 5, 0, 2, 2, 0, "Width")]
    [InlineData(1, 5, 5, 0, 2, 0, "Window")]
    [InlineData(1, 5, 5, 2, 0, 0, "Stride")]
    [InlineData(1, 5, 5, 2, 2, -1, "Padding")]
    [InlineData(1, 5, 5, 2, 2, 2, "Padding")]
    [InlineData(1, 5, 2, 5, 1, 1, "Window")]
    public void InvalidShapes_Throw(int c, int h, int w, int window, int stride, int padding, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => new Pool2DShape(c, h, w, window, stride, padding));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Shape_FollowsTheOutputFormula()
    {
        var shape = new Pool2DShape(3, 7, 9, 3, 2, 1);

        Assert.Equal((4, 5, 3 * 7 * 9, 3 * 4 * 5), (shape.OutputHeight, shape.OutputWidth, shape.InputSize, shape.OutputSize));
    }

    [Theory]
    [InlineData("input", 95)]
    [InlineData("output", 23)]
    [InlineData("argMax", 23)]
    public void MaxPoolForwardWithAShortSpan_ThrowsNamingItAndTheLength(string name, int length)
    {
        var shape = new Pool2DShape(3, 4, 4, 2, 2, 0);
        float[] x = new float[name == "input" ? length : 96], y = new float[name == "output" ? length : 24];
        var argMax = new int[name == "argMax" ? length : 24];

        var error = Assert.Throws<ArgumentException>(() => PoolingKernels.MaxPoolForward(x, y, argMax, 2, shape));

        Assert.Equal(name, error.ParamName);
        Assert.Contains($"holds {length} elements but needs {(name == "input" ? 96 : 24)}", error.Message);
    }

    [Theory]
    [InlineData("delta", 23)]
    [InlineData("argMax", 23)]
    [InlineData("inputDelta", 95)]
    public void MaxPoolInputGradientWithAShortSpan_ThrowsNamingIt(string name, int length)
    {
        var shape = new Pool2DShape(3, 4, 4, 2, 2, 0);
        float[] d = new float[name == "delta" ? length : 24], dx = new float[name == "inputDelta" ? length : 96];
        var argMax = new int[name == "argMax" ? length : 24];

        var error = Assert.Throws<ArgumentException>(() => PoolingKernels.MaxPoolInputGradient(d, argMax, dx, 2, shape));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void MaxPoolInputGradientWithAnIndexOutsideItsPlane_Throws()
    {
        var shape = new Pool2DShape(2, 4, 4, 2, 2, 0);
        int[] argMax = [0, 2, 8, 10, 16, 3, 24, 26]; // output 5 belongs to plane 1, input cells 16 … 31

        var error = Assert.Throws<ArgumentException>(() => PoolingKernels.MaxPoolInputGradient(new float[8], argMax, new float[32], 1, shape));

        Assert.Equal("argMax", error.ParamName);
    }

    [Fact]
    public void AvgPoolWithAShortSpan_ThrowsNamingIt()
    {
        var shape = new Pool2DShape(3, 4, 4, 2, 2, 0);

        Assert.Equal("output", Assert.Throws<ArgumentException>(() => PoolingKernels.AvgPoolForward(new float[96], new float[23], 2, shape)).ParamName);
        Assert.Equal("inputDelta", Assert.Throws<ArgumentException>(() => PoolingKernels.AvgPoolInputGradient(new float[24], new float[95], 2, shape)).ParamName);
    }

    [Fact]
    public void PoolingAfterWarmUp_AllocatesNothing()
    {
        var shape = new Pool2DShape(6, 28, 28, 3, 2, 1);
        var x = Conv2DReference.Random(4 * shape.InputSize, new Random(1));
        var y = new float[4 * shape.OutputSize];
        var argMax = new int[y.Length];
        var dx = new float[x.Length];
        void Step()
        {
            PoolingKernels.MaxPoolForward(x, y, argMax, 4, shape);
            PoolingKernels.MaxPoolInputGradient(y, argMax, dx, 4, shape);
            PoolingKernels.AvgPoolForward(x, y, 4, shape);
            PoolingKernels.AvgPoolInputGradient(y, dx, 4, shape);
        }

        Step();
        var allocated = AllocationMeter.BytesAllocatedBy(() =>
        {
            Step();
            Step();
        });

        Assert.Equal(0, allocated);
    }

    // L = Σ r ⊙ pool(x) with the double reference; ε is far below the gaps between the inputs, so no maximum moves.
    private static void AssertMatchesFiniteDifferences(float[] analytic, float[] x, float[] r, Func<double[], double[]> pool)
    {
        var xd = Conv2DReference.ToDouble(x);
        double Loss()
        {
            var y = pool(xd);
            var loss = 0.0;
            for (var i = 0; i < y.Length; i++)
            {
                loss += r[i] * y[i];
            }

            return loss;
        }

        for (var i = 0; i < xd.Length; i++)
        {
            var saved = xd[i];
            xd[i] = saved + Epsilon;
            var plus = Loss();
            xd[i] = saved - Epsilon;
            var minus = Loss();
            xd[i] = saved;
            var numeric = (plus - minus) / (2 * Epsilon);
            if (!(Conv2DGradientTests.RelativeError(analytic[i], numeric) <= 1e-3))
            {
                Assert.Fail($"∂L/∂x[{i}] = {analytic[i]:R}, finite differences give {numeric:R}");
            }
        }
    }
}

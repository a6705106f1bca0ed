using System;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

public sealed class Conv2DShapeTests
{
    [Fact]
    public void Sizes_FollowTheOutputFormula()
    {
        var shape = new Conv2DShape(Channels: 3, Height: 7, Width: 9, Filters: 4, Kernel: 3, Stride: 2, Padding: 1);

        Assert.Equal(4, shape.OutputHeight); // (7 + 2 − 3) / 2 + 1
        Assert.Equal(5, shape.OutputWidth); // (9 + 2 − 3) / 2 + 1
        Assert.Equal(3 * 7 * 9, shape.InputSize);
        Assert.Equal(4 * 4 * 5, shape.OutputSize);
        Assert.Equal(4 * 3 * 3 * 3, shape.WeightLength);
    }

    [Fact]
    public void LeNetShapes_HaveTheirKnownSizes()
    {
        var first = new Conv2DShape(1, 28, 28, 6, 5, 1, 2);
        var second = new Conv2DShape(6, 14, 14, 16, 5, 1, 0);

        Assert.Equal((28, 28, 6 * 28 * 28, 150), (first.OutputHeight, first.OutputWidth, first.OutputSize, first.WeightLength));
        Assert.Equal((10, 10, 16 * 10 * 10, 2400), (second.OutputHeight, second.OutputWidth, second.OutputSize, second.WeightLength));
    }

    [Fact]
    public void Shape_IsAValueWithDeconstruction()
    {
        var shape = new Conv2DShape(1, 5, 5, 2, 3, 1, 0);
        var (channels, height, width, filters, kernel, stride, padding) = shape;

        Assert.Equal(new Conv2DShape(1, 5, 5, 2, 3, 1, 0), shape);
        Assert.Equal((1, 5, 5, 2, 3, 1, 0), (channels, height, width, filters, kernel, stride, padding));
    }

    [Theory]
    [InlineData(0, 5, 5, 1, 3, 1, 0, "Channels")]
    [InlineData(1, 0, 5, 1, 3, 1, 0, "Height")]
    [InlineData(1, 5, -1, 1, 3, 1, 0, "Width")]
    [InlineData(1, 5, 5, 0, 3, 1, 0, "Filters")]
    [InlineData(1, 5, 5, 1, 0, 1, 0, "Kernel")]
    [InlineData(1, 5, 5, 1, 3, 0, 0, "Stride")]
    [InlineData(1, 5, 5, 1, 3, 1, -1, "Padding")]
    public void InvalidSizes_Throw(int c, int h, int w, int f, int k, int s, int p, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => new Conv2DShape(c, h, w, f, k, s, p));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void KernelLargerThanThePaddedInput_ThrowsWithTheNumbers()
    {
        var error = Assert.Throws<ArgumentException>(() => new Conv2DShape(1, 4, 9, 1, 7, 1, 1));

        Assert.Equal("Kernel", error.ParamName);
        Assert.Contains("7×7", error.Message);
        Assert.Contains("4×9", error.Message);
        Assert.Contains("6×11", error.Message);
    }

    [Fact]
    public void KernelFillingThePaddedInput_GivesOneOutput()
    {
        var shape = new Conv2DShape(1, 3, 3, 1, 5, 1, 1);

        Assert.Equal((1, 1), (shape.OutputHeight, shape.OutputWidth));
    }
}

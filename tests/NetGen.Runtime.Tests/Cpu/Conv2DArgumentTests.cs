using System;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

public sealed class Conv2DArgumentTests
{
    private const int Batch = 2;
    private static readonly Conv2DShape Shape = new(2, 5, 6, 3, 3, 1, 1); // input 60, output 90, weight 54 per sample

    [Theory]
    [InlineData("input", 119, 120)]
    [InlineData("weight", 53, 54)]
    [InlineData("bias", 2, 3)]
    [InlineData("preActivation", 179, 180)]
    [InlineData("output", 179, 180)]
    public void ForwardWithAShortSpan_ThrowsNamingItAndTheLength(string name, int length, int required)
    {
        float[] x = new float[name == "input" ? length : 120], w = new float[name == "weight" ? length : 54];
        float[] b = new float[name == "bias" ? length : 3];
        float[] z = new float[name == "preActivation" ? length : 180], a = new float[name == "output" ? length : 180];

        var error = Assert.Throws<ArgumentException>(() => Conv2DKernels.Forward(x, w, b, z, a, Batch, Shape, default(ReluActivation)));

        Assert.Equal(name, error.ParamName);
        Assert.Contains($"holds {length} ", error.Message);
        Assert.Contains($"needs {required}", error.Message);
    }

    [Theory]
    [InlineData("input", 119, 120)]
    [InlineData("weight", 53, 54)]
    [InlineData("delta", 179, 180)]
    [InlineData("weightGradient", 53, 54)]
    [InlineData("biasGradient", 2, 3)]
    [InlineData("inputDelta", 119, 120)]
    public void BackwardWithAShortSpan_ThrowsNamingItAndTheLength(string name, int length, int required)
    {
        float[] x = new float[name == "input" ? length : 120], w = new float[name == "weight" ? length : 54];
        float[] d = new float[name == "delta" ? length : 180], dw = new float[name == "weightGradient" ? length : 54];
        float[] db = new float[name == "biasGradient" ? length : 3], dx = new float[name == "inputDelta" ? length : 120];

        var error = Assert.Throws<ArgumentException>(() => Conv2DKernels.Backward(x, w, d, dw, db, dx, Batch, Shape));

        Assert.Equal(name, error.ParamName);
        Assert.Contains($"holds {length} ", error.Message);
        Assert.Contains($"needs {required}", error.Message);
    }

    [Fact]
    public void OutputOverlappingTheInput_Throws()
    {
        var buffer = new float[400];

        var error = Assert.Throws<ArgumentException>(() => Conv2DKernels.Forward(
            buffer.AsSpan(0, 120), new float[54], new float[3], buffer.AsSpan(100, 180), new float[180], Batch, Shape, default(ReluActivation)));

        Assert.Equal("preActivation", error.ParamName);
    }

    [Fact]
    public void OutputPartlyOverlappingThePreActivation_Throws()
    {
        var buffer = new float[400];

        var error = Assert.Throws<ArgumentException>(() => Conv2DKernels.Forward(
            new float[120], new float[54], new float[3], buffer.AsSpan(0, 180), buffer.AsSpan(4, 180), Batch, Shape, default(ReluActivation)));

        Assert.Equal("output", error.ParamName);
    }

    [Fact]
    public void InputDeltaOverlappingTheWeightGradient_Throws()
    {
        var buffer = new float[400];

        var error = Assert.Throws<ArgumentException>(() => Conv2DKernels.Backward(
            new float[120], new float[54], new float[180], buffer.AsSpan(0, 54), new float[3], buffer.AsSpan(50, 120), Batch, Shape));

        Assert.Equal("inputDelta", error.ParamName);
    }

    [Fact]
    public void ZeroBatch_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Conv2DKernels.Forward(
            new float[120], new float[54], new float[3], new float[180], new float[180], 0, Shape, default(ReluActivation)));

    [Fact]
    public void DefaultShape_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Conv2DKernels.Backward(
            new float[120], new float[54], new float[180], new float[54], new float[3], new float[120], Batch, default));

        Assert.Equal("shape", error.ParamName);
    }
}

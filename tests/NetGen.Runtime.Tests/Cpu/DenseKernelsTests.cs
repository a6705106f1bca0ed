using System;
using NetGen.Cpu;
using NetGen.Internal;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Cpu;

/// <summary>The dense layer's kernels against straightforward loops in double, with widths that use both the vector path and its tail.</summary>
public sealed class DenseKernelsTests
{
    [Theory]
    [InlineData(1, 5, 3)]
    [InlineData(3, 17, 37)]
    [InlineData(4, 9, 64)]
    public void Forward_with_ReLU_and_identity_matches_the_definition(int batch, int inputSize, int units)
    {
        var input = GradientChecker.RandomArray(batch * inputSize, 1);
        var weight = GradientChecker.RandomArray(units * inputSize, 2);
        var bias = GradientChecker.RandomArray(units, 3);
        var z = new float[batch * units];
        var relu = new float[batch * units];
        var identity = new float[batch * units];

        DenseKernels.Forward(input, weight, bias, z, relu, batch, inputSize, units, default(ReluActivation));
        DenseKernels.Forward(input, weight, bias, identity, identity, batch, inputSize, units, default(IdentityActivation));

        for (var n = 0; n < batch; n++)
        {
            for (var j = 0; j < units; j++)
            {
                double expected = bias[j];
                for (var k = 0; k < inputSize; k++)
                {
                    expected += (double)input[(n * inputSize) + k] * weight[(j * inputSize) + k];
                }

                var index = (n * units) + j;
                Assert.Equal(expected, z[index], 4);
                Assert.Equal(expected, identity[index], 4);
                Assert.Equal(Math.Max(expected, 0), relu[index], 4);
            }
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(37)]
    public void ReLU_backward_keeps_delta_where_z_is_positive(int count)
    {
        var z = GradientChecker.RandomArray(count, 4);
        var delta = GradientChecker.RandomArray(count, 5);
        var expected = new float[count];
        for (var i = 0; i < count; i++)
        {
            expected[i] = z[i] > 0 ? delta[i] : 0f;
        }

        DenseKernels.ActivationBackward(z, z, delta, count, default(ReluActivation));

        Assert.Equal(expected, delta);
    }

    [Fact]
    public void Sigmoid_backward_multiplies_by_a_times_one_minus_a()
    {
        var z = GradientChecker.RandomArray(11, 6);
        var a = Array.ConvertAll(z, value => 1f / (1f + MathF.Exp(-value)));
        var delta = GradientChecker.RandomArray(11, 7);
        var expected = new float[11];
        for (var i = 0; i < 11; i++)
        {
            expected[i] = delta[i] * a[i] * (1 - a[i]);
        }

        DenseKernels.ActivationBackward(z, a, delta, 11, default(SigmoidActivation));

        for (var i = 0; i < 11; i++)
        {
            Assert.Equal(expected[i], delta[i], 6);
        }
    }
}

using System;
using System.Linq;
using NetGen.Internal;

namespace NetGen.Tests.Training;

public sealed class InitializerTests
{
    [Theory]
    [InlineData(Initializer.XavierUniform, 300, 100)]
    [InlineData(Initializer.XavierNormal, 300, 100)]
    [InlineData(Initializer.HeUniform, 300, 100)]
    [InlineData(Initializer.HeNormal, 300, 100)]
    [InlineData(Initializer.Uniform, 300, 100)]
    [InlineData(Initializer.Normal, 300, 100)]
    public void Weights_have_the_variance_of_their_rule(Initializer initializer, int fanIn, int fanOut)
    {
        var values = new float[fanIn * fanOut];
        ParameterInitializer.Fill(values, initializer, fanIn, fanOut, new SeededRandom(1));
        var expectedVariance = initializer switch
        {
            Initializer.XavierUniform or Initializer.XavierNormal => 2.0 / (fanIn + fanOut),
            Initializer.HeUniform or Initializer.HeNormal => 2.0 / fanIn,
            Initializer.Uniform => 1.0 / 3.0,
            _ => 1.0,
        };

        var mean = values.Average();
        var variance = values.Select(value => (value - mean) * (value - mean)).Average();
        Assert.InRange(mean, -0.01 * Math.Sqrt(expectedVariance) * 10, 0.01 * Math.Sqrt(expectedVariance) * 10);
        Assert.InRange(variance, expectedVariance * 0.95, expectedVariance * 1.05);
    }

    [Fact]
    public void Uniform_stays_within_minus_one_and_one_and_zeros_are_zero()
    {
        var values = new float[10_000];
        ParameterInitializer.Fill(values, Initializer.Uniform, 10, 10, new SeededRandom(2));
        Assert.All(values, value => Assert.InRange(value, -1f, 1f));
        ParameterInitializer.Fill(values, Initializer.Zeros, 10, 10, new SeededRandom(2));
        Assert.All(values, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void The_same_seed_gives_the_same_network_and_another_seed_another()
    {
        var first = new Networks.XorNet();
        var second = new Networks.XorNet();
        first.Initialize(5);
        second.Initialize(5);
        Assert.Equal(first.Parameters.ToArray(), second.Parameters.ToArray());
        second.Initialize(6);
        Assert.NotEqual(first.Parameters.ToArray(), second.Parameters.ToArray());
        Assert.All(Networks.XorNet.Layers.Hidden.Bias.Slice(first.Parameters).ToArray(), bias => Assert.Equal(0f, bias));
    }
}

using System;
using System.Linq;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

/// <summary>The vectorised tanh and sigmoid over runs of values against the scalar activations, tails and extremes included.</summary>
public sealed unsafe class ActivationSpansTests
{
    private const float Tolerance = 3e-7f;

    public static TheoryData<int> Counts => new() { 1, 3, 4, 7, 8, 15, 16, 17, 31, 33, 100 };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Tanh_matches_the_scalar_activation(int count) => MatchesTheScalarActivation(count, default(TanhActivation));

    [Theory]
    [MemberData(nameof(Counts))]
    public void Sigmoid_matches_the_scalar_activation(int count) => MatchesTheScalarActivation(count, default(SigmoidActivation));

    [Theory]
    [MemberData(nameof(Counts))]
    public void A_value_gives_the_same_bits_wherever_it_stands(int count)
    {
        // Two copies of a sample in one batch must give the same outputs: the tail may not take another formula.
        foreach (var value in new[] { 0.3f, -2.7f, 0.61f, 7.5f })
        {
            var z = Enumerable.Repeat(value, count).ToArray();
            var tanh = Apply(z, default(TanhActivation));
            var sigmoid = Apply(z, default(SigmoidActivation));
            Assert.All(tanh, result => Assert.Equal(BitConverter.SingleToInt32Bits(tanh[0]), BitConverter.SingleToInt32Bits(result)));
            Assert.All(sigmoid, result => Assert.Equal(BitConverter.SingleToInt32Bits(sigmoid[0]), BitConverter.SingleToInt32Bits(result)));
        }
    }

    [Fact]
    public void Only_the_transcendental_activations_are_vectorised_here()
    {
        Assert.True(ActivationSpans.Vectorizes<TanhActivation>());
        Assert.True(ActivationSpans.Vectorizes<SigmoidActivation>());
        Assert.False(ActivationSpans.Vectorizes<ReluActivation>());
        Assert.False(ActivationSpans.Vectorizes<EluActivation>());
    }

    [Fact]
    public void NaN_and_infinities_come_out_as_the_scalar_activations_give_them()
    {
        float[] z = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e30f, -1e30f, 0f, -0f, 90f, -90f, 0.625f, -0.625f, 0.6249f, 20f, -20f, 1e-30f, 3f];
        foreach (var (tanh, sigmoid) in new[] { (Apply(z, default(TanhActivation)), Apply(z, default(SigmoidActivation))) })
        {
            Assert.True(float.IsNaN(tanh[0]) && float.IsNaN(sigmoid[0]), "NaN in, NaN out: the non-finite guard must see it");
            for (var i = 1; i < z.Length; i++)
            {
                Assert.True(Math.Abs(tanh[i] - MathF.Tanh(z[i])) <= Tolerance, $"tanh({z[i]}) = {tanh[i]}, not {MathF.Tanh(z[i])}");
                Assert.True(Math.Abs(sigmoid[i] - SigmoidActivation.Sigmoid(z[i])) <= Tolerance, $"σ({z[i]}) = {sigmoid[i]}");
                Assert.InRange(tanh[i], -1f, 1f);
                Assert.InRange(sigmoid[i], 0f, 1f);
            }
        }
    }

    [Fact]
    public void A_dense_layer_applies_tanh_as_the_scalar_activation_does()
    {
        const int batch = 5, inputs = 3, units = 7;
        var random = new Random(3);
        var x = Enumerable.Range(0, batch * inputs).Select(_ => (float)((random.NextDouble() * 6) - 3)).ToArray();
        var w = Enumerable.Range(0, units * inputs).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var b = Enumerable.Range(0, units).Select(_ => (float)random.NextDouble()).ToArray();
        var z = new float[batch * units];
        var a = new float[batch * units];

        DenseKernels.Forward(x, w, b, z, a, batch, inputs, units, default(TanhActivation));

        for (var row = 0; row < batch; row++)
        {
            for (var unit = 0; unit < units; unit++)
            {
                var expected = b[unit];
                for (var k = 0; k < inputs; k++)
                {
                    expected += x[(row * inputs) + k] * w[(unit * inputs) + k];
                }

                Assert.Equal(expected, z[(row * units) + unit], 5e-6f);
                Assert.Equal(MathF.Tanh(z[(row * units) + unit]), a[(row * units) + unit], Tolerance);
            }
        }
    }

    private static void MatchesTheScalarActivation<TActivation>(int count, TActivation activation)
        where TActivation : struct, IActivation
    {
        var random = new Random(count);
        var z = Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 24) - 12)).ToArray();
        var a = Apply(z, activation);
        for (var i = 0; i < count; i++)
        {
            Assert.True(Math.Abs(a[i] - activation.Apply(z[i])) <= Tolerance, $"f({z[i]}) = {a[i]}, not {activation.Apply(z[i])}");
        }

        var inPlace = (float[])z.Clone();
        fixed (float* values = inPlace)
        {
            ActivationSpans.Apply(values, values, count, activation);
        }

        Assert.Equal(a, inPlace);
    }

    private static float[] Apply<TActivation>(float[] z, TActivation activation)
        where TActivation : struct, IActivation
    {
        var a = new float[z.Length];
        fixed (float* source = z, destination = a)
        {
            ActivationSpans.Apply(source, destination, z.Length, activation);
        }

        return a;
    }
}

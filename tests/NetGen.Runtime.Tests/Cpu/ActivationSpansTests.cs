using System;
using System.Linq;
using System.Runtime.Intrinsics;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

/// <summary>The vectorised transcendental activations over runs of values against the scalar ones, tails and extremes included.</summary>
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
    public void Elu_matches_the_scalar_activation(int count)
    {
        MatchesTheScalarActivation(count, new EluActivation(1f));
        MatchesTheScalarActivation(count, new EluActivation(0.3f));
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void SoftPlus_matches_the_scalar_activation(int count) => MatchesTheScalarActivation(count, default(SoftPlusActivation));

    [Theory]
    [MemberData(nameof(Counts))]
    public void ArcTan_matches_the_scalar_activation(int count) => MatchesTheScalarActivation(count, default(ArcTanActivation));

    [Theory]
    [MemberData(nameof(Counts))]
    public void A_value_gives_the_same_bits_wherever_it_stands(int count)
    {
        // Two copies of a sample in one batch must give the same outputs: the tail may not take another formula.
        foreach (var value in new[] { 0.3f, -2.7f, 0.61f, 7.5f })
        {
            var z = Enumerable.Repeat(value, count).ToArray();
            foreach (var a in new[]
            {
                Apply(z, default(TanhActivation)), Apply(z, default(SigmoidActivation)), Apply(z, new EluActivation(1f)),
                Apply(z, default(SoftPlusActivation)), Apply(z, default(ArcTanActivation)),
            })
            {
                Assert.All(a, result => Assert.Equal(BitConverter.SingleToInt32Bits(a[0]), BitConverter.SingleToInt32Bits(result)));
            }
        }
    }

    [Fact]
    public void Only_the_transcendental_activations_are_vectorised_here()
    {
        Assert.True(ActivationSpans.Vectorizes<TanhActivation>());
        Assert.True(ActivationSpans.Vectorizes<SigmoidActivation>());
        Assert.True(ActivationSpans.Vectorizes<EluActivation>());
        Assert.True(ActivationSpans.Vectorizes<SoftPlusActivation>());
        Assert.True(ActivationSpans.Vectorizes<ArcTanActivation>());
        Assert.False(ActivationSpans.Vectorizes<ReluActivation>());
        Assert.False(ActivationSpans.Vectorizes<LeakyReluActivation>());
    }

    [Fact]
    public void The_new_activations_give_NaN_for_NaN_and_the_scalar_limits_at_the_extremes()
    {
        float[] z = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e30f, -1e30f, 0f, -0f, 90f, -90f, 2.5f, -2.5f, 0.4f, -0.42f, 1e-30f, -1e-6f, 3f];
        Check(new EluActivation(0.7f));
        Check(default(SoftPlusActivation));
        Check(default(ArcTanActivation));

        void Check<TActivation>(TActivation activation)
            where TActivation : struct, IActivation
        {
            var a = Apply(z, activation);
            Assert.True(float.IsNaN(a[0]), $"{typeof(TActivation).Name}: NaN in, NaN out");
            for (var i = 1; i < z.Length; i++)
            {
                var expected = activation.Apply(z[i]);
                Assert.True(
                    a[i] == expected || Math.Abs(a[i] - expected) <= Tolerance * Math.Max(1f, Math.Abs(expected)),
                    $"{typeof(TActivation).Name}({z[i]}) = {a[i]}, not {expected}");
            }
        }
    }

    // The recurrent cells take f and f' from the lanes: both vector widths must give the scalar activation's values.
    [Fact]
    public void Both_vector_lanes_give_the_scalar_values_and_derivatives_of_the_new_activations()
    {
        Check(new EluActivation(0.7f));
        Check(default(SoftPlusActivation));
        Check(default(ArcTanActivation));

        static void Check<TActivation>(TActivation activation)
            where TActivation : struct, IActivation
        {
            var z = Enumerable.Range(0, Vector512<float>.Count).Select(i => (i - 7.5f) * 0.9f).ToArray();
            fixed (float* source = z)
            {
                var a = Lanes<VectorLanes, TActivation>(source, activation);
                if (Vector512.IsHardwareAccelerated)
                {
                    // The same formulas: the first lanes of the wide vector give the narrow one's bits.
                    var wide = Lanes<Vector512Lanes, TActivation>(source, activation);
                    Assert.Equal(a.Values, wide.Values[..VectorLanes.Count]);
                    Assert.Equal(a.Derivatives, wide.Derivatives[..VectorLanes.Count]);
                }

                for (var i = 0; i < VectorLanes.Count; i++)
                {
                    var expected = activation.Apply(z[i]);
                    var derivative = activation.Derivative(z[i], expected);
                    Assert.True(Math.Abs(a.Values[i] - expected) <= Tolerance * Math.Max(1f, Math.Abs(expected)), $"f({z[i]}) = {a.Values[i]}, not {expected}");
                    Assert.True(Math.Abs(a.Derivatives[i] - derivative) <= 4 * Tolerance * Math.Max(1f, Math.Abs(derivative)), $"f'({z[i]}) = {a.Derivatives[i]}, not {derivative}");
                }
            }
        }
    }

    private static (float[] Values, float[] Derivatives) Lanes<TLanes, TActivation>(float* z, TActivation activation)
        where TLanes : struct, ILanes<TLanes>
        where TActivation : struct, IActivation
    {
        var values = new float[TLanes.Count];
        var derivatives = new float[TLanes.Count];
        var lanes = TLanes.Load(z);
        var a = TLanes.Activate(lanes, activation);
        fixed (float* v = values, d = derivatives)
        {
            TLanes.Store(a, v);
            TLanes.Store(TLanes.Derivative(lanes, a, activation), d);
        }

        return (values, derivatives);
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
            var expected = activation.Apply(z[i]);
            Assert.True(Math.Abs(a[i] - expected) <= Tolerance * Math.Max(1f, Math.Abs(expected)), $"f({z[i]}) = {a[i]}, not {expected}");
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

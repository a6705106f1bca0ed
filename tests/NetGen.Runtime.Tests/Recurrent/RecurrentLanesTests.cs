using System;
using System.Runtime.Intrinsics;
using NetGen.Internal;

namespace NetGen.Tests.Recurrent;

/// <summary>The vectorised σ and tanh of the recurrent cells against double precision, and at the edges of their range.</summary>
public sealed unsafe class RecurrentLanesTests
{
    [Fact]
    public void Vector_sigmoid_and_tanh_are_within_a_few_units_in_the_last_place() => AssertAccurate<VectorLanes>();

    [Fact]
    public void Vector512_sigmoid_and_tanh_are_within_a_few_units_in_the_last_place()
    {
        if (Vector512.IsHardwareAccelerated)
        {
            AssertAccurate<Vector512Lanes>();
        }
    }

    [Fact]
    public void Vector_sigmoid_and_tanh_keep_nan_and_saturate_at_infinity() => AssertEdges<VectorLanes>();

    [Fact]
    public void Vector512_sigmoid_and_tanh_keep_nan_and_saturate_at_infinity()
    {
        if (Vector512.IsHardwareAccelerated)
        {
            AssertEdges<Vector512Lanes>();
        }
    }

    private static void AssertAccurate<TLanes>()
        where TLanes : struct, ILanes<TLanes>
    {
        var count = TLanes.Count;
        var input = stackalloc float[count];
        var output = stackalloc float[count];
        double worstTanh = 0, worstSigmoid = 0;
        var worstTanhAt = 0f;
        var worstSigmoidAt = 0f;
        for (var start = -30.0; start < 30.0; start += count * 3.1e-4)
        {
            for (var i = 0; i < count; i++)
            {
                input[i] = (float)(start + (i * 3.1e-4));
            }

            TLanes.Store(TLanes.Tanh(TLanes.Load(input)), output);
            for (var i = 0; i < count; i++)
            {
                var exact = Math.Tanh(input[i]);
                var error = exact == 0 ? Math.Abs(output[i]) : Math.Abs((output[i] - exact) / exact);
                (worstTanh, worstTanhAt) = error > worstTanh ? (error, input[i]) : (worstTanh, worstTanhAt);
            }

            TLanes.Store(TLanes.Sigmoid(TLanes.Load(input)), output);
            for (var i = 0; i < count; i++)
            {
                var exact = 1 / (1 + Math.Exp(-(double)input[i]));
                var error = Math.Abs((output[i] - exact) / exact);
                (worstSigmoid, worstSigmoidAt) = error > worstSigmoid ? (error, input[i]) : (worstSigmoid, worstSigmoidAt);
            }
        }

        Assert.True(worstTanh <= 3e-7, $"{typeof(TLanes).Name}: tanh is off by {worstTanh:E2} relative at {worstTanhAt}");
        Assert.True(worstSigmoid <= 3e-7, $"{typeof(TLanes).Name}: σ is off by {worstSigmoid:E2} relative at {worstSigmoidAt}");
    }

    private static void AssertEdges<TLanes>()
        where TLanes : struct, ILanes<TLanes>
    {
        var count = TLanes.Count;
        var input = stackalloc float[count];
        var output = stackalloc float[count];
        float[] values = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e-30f, -1e-30f, 0f, 200f, -200f];
        for (var i = 0; i < count; i++)
        {
            input[i] = values[i % values.Length];
        }

        TLanes.Store(TLanes.Tanh(TLanes.Load(input)), output);
        float[] tanh = [float.NaN, 1f, -1f, 1e-30f, -1e-30f, 0f, 1f, -1f];
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(tanh[i % values.Length], output[i]);
        }

        TLanes.Store(TLanes.Sigmoid(TLanes.Load(input)), output);
        for (var i = 0; i < count; i++)
        {
            var expected = SigmoidActivation.Sigmoid(input[i]);
            Assert.True(float.IsNaN(expected) ? float.IsNaN(output[i]) : Math.Abs(output[i] - expected) <= 1e-38f + (3e-7f * expected),
                $"σ({input[i]}) = {output[i]}, not {expected}");
        }
    }
}

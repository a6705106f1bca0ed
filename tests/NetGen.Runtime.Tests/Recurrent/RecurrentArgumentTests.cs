using System;
using NetGen.Internal;

namespace NetGen.Tests.Recurrent;

/// <summary>The shape and the kernels reject sizes and buffers that do not fit, naming what is wrong.</summary>
public sealed class RecurrentArgumentTests
{
    [Fact]
    public void A_short_buffer_is_named_with_its_size_and_the_size_it_needs()
    {
        var shape = new RecurrentShape(RecurrentCell.Lstm, steps: 3, features: 2, units: 4, returnSequences: true, truncation: 0);
        var layer = new RecurrentLayer(shape, batch: 2);
        var input = new float[2 * shape.InputSize];
        var shortProjections = new float[layer.Projections.Length - 1];

        var error = Assert.Throws<ArgumentException>(() => RecurrentKernels.Forward(shape, input, layer.InputWeight, layer.RecurrentWeight,
            layer.InputBias, layer.RecurrentBias, shortProjections, layer.Gates, layer.States, layer.Step, layer.Output, 2, default(TanhActivation)));

        Assert.Equal("projections", error.ParamName);
        Assert.Contains($"{shortProjections.Length} floats", error.Message);
        Assert.Contains($"needs {layer.Projections.Length}", error.Message);
    }

    [Fact]
    public void A_bias_must_be_empty_or_whole()
    {
        var shape = new RecurrentShape(RecurrentCell.SimpleRnn, steps: 3, features: 2, units: 4, returnSequences: false, truncation: 0);
        var layer = new RecurrentLayer(shape, batch: 1);
        var input = new float[shape.InputSize];

        var error = Assert.Throws<ArgumentException>(() => RecurrentKernels.Forward(shape, input, layer.InputWeight, layer.RecurrentWeight,
            new float[3], layer.RecurrentBias, layer.Projections, layer.Gates, layer.States, layer.Step, layer.Output, 1, default(TanhActivation)));

        Assert.Equal("inputBias", error.ParamName);
    }

    [Fact]
    public void Gru_backward_needs_its_gate_deltas_and_a_whole_step_buffer()
    {
        var shape = new RecurrentShape(RecurrentCell.Gru, steps: 3, features: 2, units: 4, returnSequences: true, truncation: 0);
        var layer = new RecurrentLayer(shape, batch: 2);
        var input = new float[2 * shape.InputSize];
        var outputDelta = new float[2 * shape.OutputSize];
        layer.Forward(input);

        var error = Assert.Throws<ArgumentException>(() => RecurrentKernels.Backward(shape, input, layer.InputWeight, layer.RecurrentWeight,
            layer.RecurrentBias, layer.Projections, layer.Gates, layer.States, Span<float>.Empty, layer.Step, outputDelta,
            layer.InputWeightGradient, layer.RecurrentWeightGradient, layer.InputBiasGradient, layer.RecurrentBiasGradient, layer.InputDelta,
            2, default(TanhActivation)));
        Assert.Equal("gateDeltas", error.ParamName);

        error = Assert.Throws<ArgumentException>(() => RecurrentKernels.Backward(shape, input, layer.InputWeight, layer.RecurrentWeight,
            layer.RecurrentBias, layer.Projections, layer.Gates, layer.States, layer.GateDeltas, new float[(2 * shape.StepSize) - 1], outputDelta,
            layer.InputWeightGradient, layer.RecurrentWeightGradient, layer.InputBiasGradient, layer.RecurrentBiasGradient, layer.InputDelta,
            2, default(TanhActivation)));
        Assert.Equal("step", error.ParamName);
    }

    [Fact]
    public void Written_buffers_must_not_overlap_the_others()
    {
        var shape = new RecurrentShape(RecurrentCell.SimpleRnn, steps: 3, features: 2, units: 4, returnSequences: true, truncation: 0);
        var layer = new RecurrentLayer(shape, batch: 1);
        var input = new float[shape.InputSize];
        var shared = new float[layer.Projections.Length + layer.Output.Length];

        var error = Assert.Throws<ArgumentException>(() => RecurrentKernels.Forward(shape, input, layer.InputWeight, layer.RecurrentWeight,
            layer.InputBias, layer.RecurrentBias, shared, layer.Gates, layer.States, layer.Step, shared.AsSpan(1), 1, default(TanhActivation)));

        Assert.Equal("projections", error.ParamName);
    }

    [Fact]
    public void The_batch_must_be_positive()
    {
        var shape = new RecurrentShape(RecurrentCell.SimpleRnn, steps: 3, features: 2, units: 4, returnSequences: true, truncation: 0);
        var layer = new RecurrentLayer(shape, batch: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => RecurrentKernels.Forward(shape, [], layer.InputWeight, layer.RecurrentWeight,
            layer.InputBias, layer.RecurrentBias, layer.Projections, layer.Gates, layer.States, layer.Step, layer.Output, 0, default(TanhActivation)));
    }

    [Theory]
    [InlineData(0, 2, 4, 0, "steps")]
    [InlineData(3, 0, 4, 0, "features")]
    [InlineData(3, 2, 0, 0, "units")]
    [InlineData(3, 2, 4, -1, "truncation")]
    public void The_shape_rejects_sizes_below_their_minimum(int steps, int features, int units, int truncation, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new RecurrentShape(RecurrentCell.Gru, steps, features, units, true, truncation));
        Assert.Equal(name, error.ParamName);
    }

    [Theory]
    [InlineData(RecurrentCell.SimpleRnn, 1, 7, 6 * 7, 0)]
    [InlineData(RecurrentCell.Lstm, 4, 4 * 7, 2 * 6 * 7, 0)]
    [InlineData(RecurrentCell.Gru, 3, 4 * 7, 6 * 7, 5 * 3 * 7)]
    public void The_shape_sizes_the_buffers(RecurrentCell cell, int gates, int gateStride, int stateSize, int gateDeltaSize)
    {
        var shape = new RecurrentShape(cell, steps: 5, features: 3, units: 7, returnSequences: false, truncation: 2);

        Assert.Equal(gates, shape.Gates);
        Assert.Equal(5 * gates * 7, shape.ProjectionSize);
        Assert.Equal(5 * gateStride, shape.GateSize);
        Assert.Equal(stateSize, shape.StateSize);
        Assert.Equal(gateDeltaSize, shape.GateDeltaSize);
        Assert.Equal((gates + 2) * 7, shape.StepSize);
        Assert.Equal(7, shape.OutputSize);
        Assert.Equal(15, shape.InputSize);
    }
}

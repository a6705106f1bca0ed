using System;
using System.Linq;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Gradients;

/// <summary>
/// Truncated backpropagation through time changes the backward pass only: the same parameters give the same outputs and
/// loss as without it, and the same gradients above the truncated layer, but not the truncated layer's. That the
/// truncated gradients are the right ones is checked against PyTorch, which detaches the state between chunks
/// (RecurrentNetworkPyTorchTests); central differences measure the full gradient, which truncation leaves out on purpose.
/// </summary>
public sealed class TruncatedBpttTests
{
    private readonly INetwork _full = new StackedRecurrentNet();
    private readonly INetwork _truncated = new TruncatedStackedRecurrentNet();
    private readonly float[] _inputs;
    private readonly float[] _targets;

    public TruncatedBpttTests()
    {
        (_inputs, _targets) = GradientCheckTests.RandomizedBatch(_full);
        _full.Parameters.CopyTo(_truncated.Parameters);
    }

    [Fact]
    public void The_twins_have_the_same_layout()
    {
        Assert.Equal(_full.ParameterTensors.Select(tensor => (tensor.Name, tensor.Offset, tensor.Length)),
            _truncated.ParameterTensors.Select(tensor => (tensor.Name, tensor.Offset, tensor.Length)));
        var memory = Assert.IsType<RecurrentLayerInfo>(_truncated.Layers.Single(layer => layer.Name == "Memory"));
        Assert.Equal(2, memory.Truncation);
        Assert.Equal(0, Assert.IsType<RecurrentLayerInfo>(_full.Layers.Single(layer => layer.Name == "Memory")).Truncation);
    }

    [Fact]
    public void Truncation_leaves_the_outputs_and_the_loss_as_they_are()
    {
        var full = new float[5 * _full.OutputSize];
        var truncated = new float[full.Length];

        _full.Forward(_inputs, full);
        _truncated.Forward(_inputs, truncated);

        Assert.Equal(full, truncated);
        Assert.Equal(_full.ComputeGradients(_inputs, _targets), _truncated.ComputeGradients(_inputs, _targets));
    }

    [Fact]
    public void Truncation_changes_the_gradients_from_the_truncated_layer_down_only()
    {
        _full.ComputeGradients(_inputs, _targets);
        _truncated.ComputeGradients(_inputs, _targets);

        foreach (var tensor in _full.ParameterTensors)
        {
            var full = tensor.Slice(_full.Gradients).ToArray();
            var truncated = tensor.Slice(_truncated.Gradients).ToArray();
            if (tensor.Name.StartsWith("Logits.", StringComparison.Ordinal))
            {
                Assert.Equal(full, truncated);
            }
            else
            {
                var largest = full.Max(Math.Abs);
                var difference = full.Zip(truncated, (a, b) => Math.Abs(a - b)).Max();
                Assert.True(difference > 1e-3 * largest, $"{tensor.Name}: truncation to 2 of 4 steps moved no gradient (by {difference:E2} of {largest:E2})");
            }
        }
    }
}

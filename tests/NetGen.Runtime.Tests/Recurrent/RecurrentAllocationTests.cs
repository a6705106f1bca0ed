using NetGen.Internal;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Recurrent;

/// <summary>After a warm-up call, a forward and backward pass allocate no managed memory.</summary>
public sealed class RecurrentAllocationTests
{
    [Theory]
    [InlineData(RecurrentCell.SimpleRnn)]
    [InlineData(RecurrentCell.Lstm)]
    [InlineData(RecurrentCell.Gru)]
    public void Forward_and_backward_allocate_nothing_after_the_first_call(RecurrentCell cell)
    {
        // Large enough that the products and the element-wise passes are split over the worker pool.
        var shape = new RecurrentShape(cell, steps: 6, features: 8, units: 128, returnSequences: true, truncation: 4);
        const int Batch = 48;
        var layer = new RecurrentLayer(shape, Batch, seed: 71, scale: 0.1f);
        var input = GradientChecker.RandomArray(Batch * shape.InputSize, seed: 72);
        var outputDelta = GradientChecker.RandomArray(Batch * shape.OutputSize, seed: 73);
        void Pass()
        {
            layer.Forward(input);
            layer.Backward(input, outputDelta);
        }

        Pass();
        Pass();

        Assert.Equal(0, AllocationMeter.BytesAllocatedBy(Pass));
    }
}

using System;
using NetGen.Cuda;

namespace NetGen.Tests.Cuda;

/// <summary>The batch sizes a CUDA program runs: grids and buffers as functions of the batch, and the refusal beyond them.</summary>
public sealed class CudaProgramLimitsTests
{
    [Fact]
    public void A_bounded_grid_dimension_stops_at_its_maximum()
    {
        var splits = new GridDimension(0, 1, 4, Maximum: 10);
        Assert.Equal(1, splits.Count(1));
        Assert.Equal(10, splits.Count(40));
        Assert.Equal(10, splits.Count(1_000_000));
        Assert.Equal(int.MaxValue, splits.LargestBatchWithin(CudaLimits.GridYZ));
    }

    [Fact]
    public void A_growing_grid_dimension_limits_the_batch_to_what_fits()
    {
        var rows = new GridDimension(0, 50_176, 64); // 224 × 224 positions a sample in tiles of 64 rows
        Assert.Equal(83, rows.LargestBatchWithin(CudaLimits.GridYZ));
        Assert.True(rows.Count(83) <= CudaLimits.GridYZ);
        Assert.True(rows.Count(84) > CudaLimits.GridYZ);
        Assert.Equal(int.MaxValue, GridDimension.Constant(7).LargestBatchWithin(CudaLimits.GridYZ));
    }

    [Fact]
    public void A_bounded_buffer_holds_at_most_its_maximum()
    {
        var partials = new CudaBuffer("weight_gradient_partials_0", CudaElementType.Float32, 100, 1, MaximumElements: 400);
        Assert.Equal(101, partials.Elements(1));
        Assert.Equal(400, partials.Elements(1_000));
        Assert.Equal(1_600, partials.Bytes(1_000));
        Assert.Equal(int.MaxValue, partials.LargestBatchWithin(CudaLimits.BufferElements));
    }

    [Fact]
    public void The_largest_batch_is_set_by_the_first_buffer_to_pass_2_to_the_31_elements()
    {
        var program = Program(new CudaBuffer("a_0", CudaElementType.Float32, 0, 802_816), GridDimension.Constant(1));
        Assert.Equal(2_674, program.MaxBatchSize);
        Assert.StartsWith("buffer 'a_0' (802,816 elements a sample)", program.MaxBatchSizeLimit, StringComparison.Ordinal);
        program.CheckBatchSize(2_674);
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => program.CheckBatchSize(2_675));
        Assert.Contains("Probe runs on CUDA in batches of at most 2,674 samples", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'a_0'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_y_that_grows_with_the_batch_limits_it_and_is_named()
    {
        var program = Program(new CudaBuffer("a_0", CudaElementType.Float32, 0, 10), new GridDimension(0, 1, 1));
        Assert.Equal(65_535, program.MaxBatchSize);
        Assert.Equal("kernel_0's grid y would pass 65,535 blocks", program.MaxBatchSizeLimit);
    }

    [Fact]
    public void A_launch_below_its_minimum_batch_is_left_out()
    {
        var sum = new CudaLaunch("sum", GridDimension.Constant(1), GridDimension.Constant(1), GridDimension.Constant(1), 256, [], MinimumBatch: 1_025);
        Assert.False(sum.RunsFor(1_024));
        Assert.True(sum.RunsFor(1_025));
    }

    private static CudaProgram Program(CudaBuffer layer, GridDimension gridY)
    {
        var buffers = new[]
        {
            layer,
            new CudaBuffer(CudaBufferNames.Inputs, CudaElementType.Float32, 0, 4),
            new CudaBuffer(CudaBufferNames.Parameters, CudaElementType.Float32, 12, 0),
        };
        var launch = new CudaLaunch(
            "kernel_0", GridDimension.Constant(1), gridY, GridDimension.Constant(1), 256,
            [CudaArgument.Buffer(CudaBufferNames.Inputs), CudaArgument.Buffer(layer.Name), CudaArgument.BatchSize]);
        return new CudaProgram("Probe", "extern \"C\" __global__ void kernel_0() {}", buffers, [launch], [], [], [], new System.Collections.Generic.Dictionary<string, CudaLaunch>(), layer.Name);
    }
}

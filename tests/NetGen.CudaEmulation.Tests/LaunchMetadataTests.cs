using System;
using System.Linq;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Harness;
using NetGen.CudaEmulation.Tests.Networks;
using NetGen.CudaEmulation.Tests.Parity;
using Xunit.Abstractions;

namespace NetGen.CudaEmulation.Tests;

/// <summary>The launch metadata against the kernels' signatures in the CUDA source, for every network (no compiling).</summary>
public sealed class LaunchMetadataTests(ITestOutputHelper output)
{
    /// <summary>An H100 SXM's streaming multiprocessors.</summary>
    private const int H100Multiprocessors = 132;

    public static TheoryData<string> Networks => NetworkCatalog.Names(NetworkCatalog.All);

    /// <summary>Every network, the large-image ones included.</summary>
    public static TheoryData<string> NetworksAndLargeImages()
    {
        var data = Networks;
        foreach (var (name, _) in NetworkCatalog.LargeImages)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Batches up to 65,536: every power of two, every size up to 130, and the first ones that broke grid y.</summary>
    private static readonly int[] s_batches = Enumerable.Range(1, 130)
        .Concat(Enumerable.Range(8, 9).Select(power => 1 << power))
        .Concat(new[] { 335, 1023, 1025, 4095, 4097, 5350, 10_000, 60_000, 65_535 })
        .Distinct().Order().ToArray();

    [Theory]
    [MemberData(nameof(NetworksAndLargeImages))]
    public void Every_launch_fits_a_gpu_at_every_batch_up_to_65536(string network)
    {
        var program = Program(network);
        foreach (var batch in s_batches.Where(batch => batch <= program.MaxBatchSize))
        {
            foreach (var launch in program.AllLaunches.Concat(program.GatherLaunches))
            {
                Assert.True(LaunchLimits.Violation(launch, batch) is null, $"{network}: {launch.Kernel} at batch {batch}: {LaunchLimits.Violation(launch, batch)}");
            }

            foreach (var buffer in program.Buffers)
            {
                Assert.True(buffer.Elements(batch) <= CudaLimits.BufferElements, $"{network}: '{buffer.Name}' at batch {batch} holds {buffer.Elements(batch)} elements");
            }
        }
    }

    [Theory]
    [MemberData(nameof(NetworksAndLargeImages))]
    public void Only_a_buffer_of_more_than_2_to_the_31_elements_limits_the_batch(string network)
    {
        // Grids that grow with the batch are all on x (or bounded), so the 32-bit indexing of the buffers is what limits a batch.
        var program = Program(network);
        Assert.True(program.MaxBatchSize == int.MaxValue || program.MaxBatchSizeLimit.StartsWith("buffer ", StringComparison.Ordinal),
            $"{network}: batches end at {program.MaxBatchSize}: {program.MaxBatchSizeLimit}");
        var limited = Math.Min(program.MaxBatchSize, 1 << 20);
        Assert.All(program.AllLaunches.Concat(program.GatherLaunches), launch => Assert.Null(LaunchLimits.Violation(launch, limited)));
    }

    [Fact]
    public void Real_image_sizes_run_in_the_batches_that_used_to_break_grid_y()
    {
        // 2^31 floats hold 2,674 samples of 16 × 224 × 224 or 64 × 112 × 112, and 65,535 of 32 × 32 × 32.
        Assert.Equal(2_674, Program(nameof(Same224Net)).MaxBatchSize);
        Assert.Equal(2_674, Program(nameof(ImageNetStemNet)).MaxBatchSize);
        Assert.Equal(65_535, Program(nameof(CifarNet)).MaxBatchSize);
        Assert.True(NetworkCatalog.Get("LeNet5").Program.MaxBatchSize >= 100_000, "LeNet-5 evaluates the 10,000 test images in one batch");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_weight_gradient_is_summed_only_when_the_batch_takes_more_than_one_split(string network)
    {
        var program = NetworkCatalog.Get(network).Program;
        foreach (var sum in program.Backward.Where(launch => launch.Kernel.StartsWith("weight_gradient_sum_", StringComparison.Ordinal)))
        {
            var splits = program.Backward.Single(launch => launch.Kernel != sum.Kernel && launch.Arguments.Any(argument => argument.Name == sum.Arguments[0].Name));
            Assert.False(sum.RunsFor(sum.MinimumBatch - 1));
            Assert.Equal(1, splits.Grid(sum.MinimumBatch - 1).Z);
            Assert.Equal(2, splits.Grid(sum.MinimumBatch).Z);
        }
    }

    [Theory]
    [InlineData("MnistMlp", 128, 10)]
    [InlineData("MnistMlp", 1025, 12)]
    [InlineData("LeNet5", 128, 28)]
    public void A_training_step_takes_this_many_launches(string network, int batch, int launches)
    {
        // Forward, loss, backward, the norm and guard, one update kernel: the CUDA backend's sequence for a step.
        var program = NetworkCatalog.Get(network).Program;
        var step = program.Forward.Concat(program.Loss).Concat(program.Backward).Concat(program.ClipNorm).Append(program.OptimizerSteps["Adam"]);
        Assert.Equal(launches, step.Count(launch => launch.RunsFor(batch)));
    }

    [Theory]
    [MemberData(nameof(NetworksAndLargeImages))]
    public void Every_small_tile_launch_is_its_products_launch_over_more_blocks_and_fits_a_gpu(string network)
    {
        var program = Program(network);
        var products = program.AllLaunches.Where(launch => launch.SmallTiles is not null).ToArray();
        foreach (var launch in products)
        {
            var small = launch.SmallTiles!;
            Assert.Equal(launch.Kernel + "_small_tiles", small.Kernel);
            Assert.Equal(launch.Arguments, small.Arguments);
            Assert.Equal((launch.BlockThreads, launch.MinimumBatch, launch.GridZ), (small.BlockThreads, small.MinimumBatch, small.GridZ));
            Assert.Null(small.SmallTiles);
            foreach (var batch in s_batches.Where(batch => batch <= program.MaxBatchSize))
            {
                Assert.True(LaunchLimits.Violation(small, batch) is null, $"{network}: {small.Kernel} at batch {batch}: {LaunchLimits.Violation(small, batch)}");
                var (x, y, z) = launch.Grid(batch);
                var (smallX, smallY, smallZ) = small.Grid(batch);
                Assert.Equal(z, smallZ);
                Assert.InRange(smallX, x, 4L * x);
                Assert.InRange(smallY, y, 4L * y);
            }

            Assert.True(small.Blocks(s_batches[^1]) > launch.Blocks(s_batches[^1]) || small.Blocks(1) > launch.Blocks(1), $"{network}: {small.Kernel} never has more blocks");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Small_tiles_are_chosen_exactly_when_the_large_grid_has_fewer_blocks_than_twice_the_multiprocessors(string network)
    {
        var program = Program(network);
        foreach (var multiprocessors in new[] { 0, 1, 46, 108, H100Multiprocessors, 170 })
        {
            foreach (var batch in s_batches.Where(batch => batch <= program.MaxBatchSize))
            {
                foreach (var launch in program.Forward.Concat(program.Loss).Concat(program.Backward).Concat(program.ClipNorm).Concat(program.OptimizerSteps.Values))
                {
                    var chosen = launch.For(batch, multiprocessors);
                    var large = (long)launch.GridX.Count(batch) * launch.GridY.Count(batch) * launch.GridZ.Count(batch);
                    var expected = launch.SmallTiles is not null && large < 2L * multiprocessors ? launch.SmallTiles : launch;
                    Assert.Same(expected, chosen);
                }
            }
        }
    }

    [Theory]
    [InlineData("MnistMlp")]
    [InlineData("LeNet5")]
    public void Blocks_per_product_launch_at_batch_128_on_132_multiprocessors(string network)
    {
        // Before: every product over 64 × 64 tiles. After: the launch CudaLaunch.For chooses for an H100's 132 SMs.
        const int batch = 128;
        var program = NetworkCatalog.Get(network).Program;
        var step = program.Forward.Concat(program.Loss).Concat(program.Backward).Where(launch => launch.SmallTiles is not null && launch.RunsFor(batch)).ToArray();
        long before = 0, after = 0;
        output.WriteLine($"{network} at batch {batch}, {H100Multiprocessors} SMs: product launch, blocks over 64 × 64 tiles → blocks launched");
        foreach (var launch in step)
        {
            var chosen = launch.For(batch, H100Multiprocessors);
            output.WriteLine($"  {launch.Kernel,-36} {launch.Blocks(batch),6} → {chosen.Blocks(batch),6}{(chosen == launch ? string.Empty : " (16 × 16 tiles)")}");
            before += launch.Blocks(batch);
            after += chosen.Blocks(batch);
            Assert.True(chosen.Blocks(batch) >= launch.Blocks(batch));
            Assert.Equal(launch.Blocks(batch) < 2 * H100Multiprocessors, chosen != launch);
        }

        output.WriteLine($"  {"all products",-36} {before,6} → {after,6}");
        var expected = network == "MnistMlp"
            ? new[]
            {
                ("dense_forward_Hidden", 4L, 64L), ("dense_forward_Logits", 2, 8), ("dense_weight_gradient_Logits", 2, 8), ("dense_input_gradient_Logits", 4, 64),
                ("dense_weight_gradient_Hidden", 26, 392),
            }
            : new[]
            {
                ("conv2d_forward_Conv1", 1_568L, 1_568L), ("conv2d_forward_Conv2", 200, 800), ("dense_forward_Full1", 4, 64), ("dense_weight_gradient_Full1", 14, 200),
                ("conv2d_input_gradient_Conv2", 392, 392), ("conv2d_weight_gradient_Conv1", 128, 256),
            };
        foreach (var (kernel, large, chosen) in expected)
        {
            var launch = step.Single(launch => launch.Kernel == kernel);
            Assert.Equal((large, chosen), (launch.Blocks(batch), launch.For(batch, H100Multiprocessors).Blocks(batch)));
        }

        // The launches per step do not change: a product runs one kernel or the other.
        Assert.Equal(step.Length, step.Select(launch => launch.For(batch, H100Multiprocessors)).Count());
    }

    private static CudaProgram Program(string network) =>
        NetworkCatalog.LargeImages.FirstOrDefault(entry => entry.Name == network).Program ?? NetworkCatalog.Get(network).Program;

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_launch_passes_what_its_kernel_takes(string network)
    {
        var program = NetworkCatalog.Get(network).Program;
        var kernels = KernelSignature.ByName(KernelSignature.Parse(program.Source));
        foreach (var launch in program.AllLaunches)
        {
            Assert.True(kernels.TryGetValue(launch.Kernel, out var signature), $"{network}: no kernel '{launch.Kernel}' in the source.");
            signature.CheckAgainst(program, launch);
            Assert.Equal(256, launch.BlockThreads);
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_kernel_of_the_source_is_launched_by_some_pass_or_gathers_a_batch(string network)
    {
        var program = NetworkCatalog.Get(network).Program;
        var defined = KernelSignature.Parse(program.Source).Select(kernel => kernel.Name).Order(StringComparer.Ordinal);
        Assert.Equal(defined, program.KernelNames.Concat(program.GatherLaunches.Select(launch => launch.Kernel)).Order(StringComparer.Ordinal));
        Assert.Equal([CudaGatherKernels.InputsKernel, CudaGatherKernels.TargetsKernel], program.GatherLaunches.Select(launch => launch.Kernel));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Only_host_buffers_are_read_before_a_pass_writes_them(string network)
    {
        // Walk the passes in order; every buffer a kernel reads must be a host buffer or written by an earlier launch.
        var program = NetworkCatalog.Get(network).Program;
        var kernels = KernelSignature.ByName(KernelSignature.Parse(program.Source));
        var available = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal)
        {
            CudaBufferNames.Inputs, CudaBufferNames.Targets, CudaBufferNames.Parameters, CudaBufferNames.FirstOptimizerState,
            CudaBufferNames.SecondOptimizerState, CudaBufferNames.ClipScale, CudaBufferNames.NormBlocksDone,
        };
        foreach (var launch in program.Forward.Concat(program.Loss).Concat(program.Backward).Concat(program.ClipNorm).Concat(program.OptimizerSteps.Values))
        {
            var parameters = kernels[launch.Kernel].Parameters;
            for (var index = 0; index < launch.Arguments.Count; index++)
            {
                var argument = launch.Arguments[index];
                if (argument.Kind == CudaArgumentKind.Buffer && parameters[index].IsConst)
                {
                    Assert.True(available.Contains(argument.Name), $"{network}: {launch.Kernel} reads '{argument.Name}' before any launch writes it.");
                }
            }

            for (var index = 0; index < launch.Arguments.Count; index++)
            {
                if (launch.Arguments[index].Kind == CudaArgumentKind.Buffer && parameters[index].IsWritten)
                {
                    available.Add(launch.Arguments[index].Name);
                }
            }
        }
    }
}

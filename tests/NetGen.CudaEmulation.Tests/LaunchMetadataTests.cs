using System;
using System.Linq;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Harness;
using NetGen.CudaEmulation.Tests.Networks;
using NetGen.CudaEmulation.Tests.Parity;

namespace NetGen.CudaEmulation.Tests;

/// <summary>The launch metadata against the kernels' signatures in the CUDA source, for every network (no compiling).</summary>
public sealed class LaunchMetadataTests
{
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
            foreach (var launch in program.AllLaunches)
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
        Assert.All(program.AllLaunches, launch => Assert.Null(LaunchLimits.Violation(launch, limited)));
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
    public void Every_kernel_of_the_source_is_launched_by_some_pass(string network)
    {
        var program = NetworkCatalog.Get(network).Program;
        var defined = KernelSignature.Parse(program.Source).Select(kernel => kernel.Name).Order(StringComparer.Ordinal);
        Assert.Equal(defined, program.KernelNames.Order(StringComparer.Ordinal));
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

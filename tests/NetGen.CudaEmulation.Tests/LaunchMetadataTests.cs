using System;
using System.Linq;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Harness;
using NetGen.CudaEmulation.Tests.Parity;

namespace NetGen.CudaEmulation.Tests;

/// <summary>The launch metadata against the kernels' signatures in the CUDA source, for every network (no compiling).</summary>
public sealed class LaunchMetadataTests
{
    public static TheoryData<string> Networks => NetworkCatalog.Names(NetworkCatalog.All);

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
            CudaBufferNames.SecondOptimizerState, CudaBufferNames.ClipScale,
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

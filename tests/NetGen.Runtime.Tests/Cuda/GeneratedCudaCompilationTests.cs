using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using NetGen.Cuda;
using Xunit.Abstractions;

namespace NetGen.Tests.Cuda;

/// <summary>
/// Compiles the generated CUDA of every test and sample network with NVRTC (no GPU needed): PTX for compute_70/80/90,
/// and CUBINs for sm_80/90 with ptxas's resource report, which must show every kernel, no register spills, and what a
/// block takes within a GPU's limits (48 KB of static shared memory, 65,536 registers).
/// The launch metadata must match the kernels: each launched kernel exists with as many parameters as arguments.
/// </summary>
public sealed class GeneratedCudaCompilationTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> NetworksAndArchitectures()
    {
        var data = new TheoryData<string, string>();
        foreach (var network in GeneratedNetworks.All.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var architecture in new[] { "compute_70", "compute_80", "compute_90", "sm_80", "sm_90" })
            {
                data.Add(network, architecture);
            }
        }

        return data;
    }

    [Fact]
    public void The_samples_and_every_test_network_are_covered()
    {
        var names = GeneratedNetworks.All.Keys.ToArray();
        Assert.Contains("NetGen.Samples.Xor.XorNet", names);
        Assert.Contains("NetGen.Samples.Mnist.MnistMlp", names);
        Assert.Contains("NetGen.Samples.Mnist.LeNet5", names);
        Assert.True(names.Length >= 20, $"only {names.Length} networks found");
    }

    [Theory]
    [MemberData(nameof(NetworksAndArchitectures))]
    public void Every_network_compiles_with_its_launch_metadata_matching_the_kernels(string network, string architecture)
    {
        var program = GeneratedNetworks.All[network];
        var cubin = architecture.StartsWith("sm_", StringComparison.Ordinal);
        var options = CudaCompiler.Options(architecture).ToList();
        if (cubin)
        {
            options.Add("--ptxas-options=-v");
        }

        NvrtcTests.RequireNvrtc();
        var compiled = Nvrtc.Compile(program.Source, program.NetworkName, options, cubin ? NvrtcTarget.Cubin : NvrtcTarget.Ptx);
        Assert.NotEmpty(compiled.Image);
        if (!cubin)
        {
            var ptx = Encoding.ASCII.GetString(compiled.Image);
            foreach (var launch in program.AllLaunches.Concat(program.GatherLaunches))
            {
                Assert.Equal(launch.Arguments.Count, ParameterCount(ptx, launch.Kernel));
            }

            return;
        }

        Assert.Equal(0x7F, compiled.Image[0]);
        var report = PtxasReport.Parse(compiled.Log);
        var launches = program.AllLaunches.Concat(program.GatherLaunches).ToArray();
        foreach (var kernel in launches.Select(launch => launch.Kernel).Distinct())
        {
            var usage = Assert.Single(report, entry => entry.Kernel == kernel);
            Assert.True(usage.SpillStoreBytes == 0 && usage.SpillLoadBytes == 0, $"{network}.{kernel} on {architecture} spills: {usage}");
            Assert.InRange(usage.Registers, 1, 255);
            Assert.True(usage.SharedMemoryBytes <= CudaLimits.StaticSharedMemoryBytes, $"{network}.{kernel} on {architecture} takes {usage.SharedMemoryBytes} B of static shared memory");
            var threads = launches.First(launch => launch.Kernel == kernel).BlockThreads;
            Assert.True(usage.Registers * threads <= CudaLimits.RegistersPerBlock, $"{network}.{kernel} on {architecture}: {usage.Registers} registers × {threads} threads");
        }

        output.WriteLine(string.Join(Environment.NewLine, report.Select(usage =>
            $"{network}\t{usage.Kernel}\t{architecture}\t{usage.Registers} registers\t{usage.SharedMemoryBytes} B shared\t{usage.SpillStoreBytes}/{usage.SpillLoadBytes} B spilled")));
    }

    /// <summary>The number of parameters of <c>.entry kernel(...)</c> in the PTX; fails when the kernel is missing.</summary>
    private static int ParameterCount(string ptx, string kernel)
    {
        var entry = Regex.Match(ptx, @"\.entry\s+" + Regex.Escape(kernel) + @"\s*\(([^)]*)\)");
        Assert.True(entry.Success, $"kernel {kernel} is not in the PTX");
        return Regex.Matches(entry.Groups[1].Value, @"\.param\s").Count;
    }
}

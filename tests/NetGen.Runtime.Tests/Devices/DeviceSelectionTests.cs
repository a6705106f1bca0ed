using System;
using System.IO;
using NetGen.Cuda;
using NetGen.Cuda.Interop;
using NetGen.Optimizers;

namespace NetGen.Tests.Devices;

[Collection(nameof(DeviceSelectionTests))]
public sealed class DeviceSelectionTests
{
    [Theory]
    [InlineData("auto", DeviceKind.Auto, 0)]
    [InlineData("CPU", DeviceKind.Cpu, 0)]
    [InlineData("cuda", DeviceKind.Cuda, 0)]
    [InlineData(" cuda:2 ", DeviceKind.Cuda, 2)]
    public void Devices_parse_from_the_samples_option(string text, DeviceKind kind, int ordinal)
    {
        Assert.Equal(new ComputeDevice(kind, ordinal), ComputeDevice.Parse(text));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("")]
    public void Anything_else_is_refused_with_the_accepted_forms(string text)
    {
        var error = Assert.Throws<FormatException>(() => ComputeDevice.Parse(text));
        Assert.Contains("auto, cpu, cuda or cuda:N", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cpu_is_chosen_without_probing()
    {
        using var _ = NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, "libcuda-absent.so.1");
        Assert.Equal(DeviceKind.Cpu, DeviceSelection.Resolve(ComputeDevice.Cpu).Kind);
    }

    [Fact]
    public void Without_the_driver_library_auto_falls_back_to_the_cpu_and_says_why_once()
    {
        using var _ = NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, "libcuda-absent.so.1");
        DeviceSelection.ForgetReportedFallback();
        var log = new StringWriter();

        var first = DeviceSelection.Resolve(ComputeDevice.Auto, log);
        var second = DeviceSelection.Resolve(ComputeDevice.Auto, log);

        Assert.Equal(DeviceKind.Cpu, first.Kind);
        Assert.Contains("the CUDA driver library is not installed", first.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("libcuda-absent.so.1", first.FallbackReason, StringComparison.Ordinal);
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("NetGen: running on the CPU because " + first.FallbackReason + ".", Assert.Single(lines).TrimEnd('\r'));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Without_the_driver_library_asking_for_cuda_names_what_is_missing()
    {
        using var _ = NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, "libcuda-absent.so.1");

        var error = Assert.Throws<CudaUnavailableException>(() => DeviceSelection.Resolve(ComputeDevice.Cuda()));

        Assert.StartsWith("CUDA device 0 cannot be used: the CUDA driver library is not installed", error.Message, StringComparison.Ordinal);
        Assert.Contains("libcuda-absent.so.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_driver_library_the_choice_follows_what_the_driver_reports()
    {
        if (!NativeLibraries.TryLoad(NativeLibraries.Cuda, out var missing))
        {
            Assert.Fail("This test needs the CUDA driver library (Debian: apt-get install libcuda1 from non-free; no GPU needed): " + missing);
        }

        var device = CudaProbe.TryFind(0, out var reason);
        var automatic = DeviceSelection.Resolve(ComputeDevice.Auto, TextWriter.Null);
        if (device is null)
        {
            // A machine without a GPU: the driver loads but cuInit finds no device.
            Assert.Equal(DeviceKind.Cpu, automatic.Kind);
            Assert.Equal(reason, automatic.FallbackReason);
            Assert.Contains("cuInit failed: CUDA_ERROR_NO_DEVICE (100)", reason, StringComparison.Ordinal);
            var error = Assert.Throws<CudaUnavailableException>(() => DeviceSelection.Resolve(ComputeDevice.Cuda()));
            Assert.Equal("CUDA device 0 cannot be used: " + reason + ".", error.Message);
        }
        else
        {
            Assert.Equal(DeviceKind.Cuda, automatic.Kind);
            Assert.Equal(device, automatic.Cuda);
            var error = Assert.Throws<CudaUnavailableException>(() => DeviceSelection.Resolve(ComputeDevice.Cuda(1000)));
            Assert.Contains("CUDA device 1000 was requested but the driver reports", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Training_on_an_unavailable_cuda_device_fails_before_touching_the_network()
    {
        using var _ = NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, "libcuda-absent.so.1");
        var network = new NetGen.Samples.Xor.XorNet();
        var before = network.Parameters.ToArray();

        Assert.Throws<CudaUnavailableException>(() => network.Fit([0, 0, 1, 1], [0, 1], new TrainingOptions { Device = ComputeDevice.Cuda() }));

        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void A_custom_optimizer_has_no_cuda_kernel()
    {
        var error = Assert.Throws<NotSupportedException>(() => CudaOptimizerBinding.Rule(new HalvingOptimizer()));
        Assert.Contains("HalvingOptimizer has no CUDA kernel", error.Message, StringComparison.Ordinal);
    }

    private sealed class HalvingOptimizer() : Optimizer(0.5f)
    {
        public override string Name => "Halving";

        protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, GradientTransform gradientTransform)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] *= 0.5f;
            }
        }
    }
}

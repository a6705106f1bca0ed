using NetGen.Cuda;

namespace NetGen.Tests.Cuda;

/// <summary>How a CUDA session reports a kernel fault: named after its kernel under the debug switch, otherwise with the switch as a hint.</summary>
public sealed class CudaLaunchDiagnosticsTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData(" yes ")]
    public void The_switch_is_on_for(string value) => Assert.True(CudaLaunchDiagnostics.IsOn(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("false")]
    [InlineData("2")]
    public void The_switch_is_off_for(string? value) => Assert.False(CudaLaunchDiagnostics.IsOn(value));

    [Fact]
    public void The_switch_is_the_environment_variable_named_like_cuda_launch_blocking() =>
        Assert.Equal("NETGEN_CUDA_SYNC_LAUNCHES", CudaLaunchDiagnostics.SynchronizeLaunchesVariable);

    [Fact]
    public void A_fault_under_the_switch_names_its_kernel()
    {
        var call = CudaLaunchDiagnostics.SynchronizeAfterKernel("dense_forward_Hidden");

        var error = new CudaException(call, CudaResult.IllegalAddress, null, "an illegal memory access was encountered", CudaLaunchDiagnostics.Hint(launchesSynchronized: true));

        Assert.Equal("cuStreamSynchronize after dense_forward_Hidden", error.Call);
        Assert.Equal("cuStreamSynchronize after dense_forward_Hidden failed: CUDA_ERROR_ILLEGAL_ADDRESS (700): an illegal memory access was encountered", error.Message);
        Assert.Null(error.Hint);
    }

    [Fact]
    public void A_fault_without_the_switch_names_the_launch_sequence_and_suggests_the_switch()
    {
        var call = CudaLaunchDiagnostics.SynchronizeAfter("LaunchTrainingStep (forward, loss, backward, norm clipping, optimizer step)");

        var error = new CudaException(call, CudaResult.IllegalAddress, null, null, CudaLaunchDiagnostics.Hint(launchesSynchronized: false));

        Assert.StartsWith(
            "cuStreamSynchronize after LaunchTrainingStep (forward, loss, backward, norm clipping, optimizer step) failed: CUDA_ERROR_ILLEGAL_ADDRESS (700). ",
            error.Message);
        Assert.Contains("NETGEN_CUDA_SYNC_LAUNCHES=1", error.Message);
        Assert.Contains("name the kernel", error.Message);
        Assert.EndsWith(".", error.Message);
        Assert.Equal(error.Hint, CudaLaunchDiagnostics.Hint(false));
    }

    [Fact]
    public void A_wait_with_nothing_enqueued_is_named_plainly() =>
        Assert.Equal("cuStreamSynchronize", CudaLaunchDiagnostics.SynchronizeAfter(null));
}

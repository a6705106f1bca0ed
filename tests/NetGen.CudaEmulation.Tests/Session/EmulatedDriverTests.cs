using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NetGen.Cuda;
using NetGen.Cuda.Interop;
using NetGen.CudaEmulation.Tests.Harness.Driver;
using NetGen.Samples.Xor;

namespace NetGen.CudaEmulation.Tests.Session;

/// <summary>
/// The emulated driver itself, through the runtime's own P/Invokes: work on a stream runs when the host waits for it
/// (so a missing wait shows), waits on events order streams, a GPU's launch limits are refused, and bad handles,
/// ranges and a missing context are errors rather than crashes.
/// </summary>
[Collection(EmulatedDriverCollection.Name)]
public sealed class EmulatedDriverTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public unsafe void A_copy_from_pinned_memory_reads_it_when_it_runs(bool immediate)
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.SetImmediate(immediate);
        try
        {
            using (var context = new CudaDeviceContext(0))
            {
                Check.Cuda(CudaDriverNative.cuMemAllocHost_v2(out var pinned, 4), "cuMemAllocHost_v2");
                Check.Cuda(CudaDriverNative.cuMemAlloc_v2(out var device, 4), "cuMemAlloc_v2");
                Check.Cuda(CudaDriverNative.cuStreamCreate(out var stream, CudaStreamFlags.NonBlocking), "cuStreamCreate");
                *(int*)pinned = 1;
                Check.Cuda(CudaDriverNative.cuMemcpyHtoDAsync_v2(device, pinned, 4, stream), "cuMemcpyHtoDAsync_v2");
                *(int*)pinned = 2; // without a wait: lazily the copy has not run yet
                Check.Cuda(CudaDriverNative.cuStreamSynchronize(stream), "cuStreamSynchronize");
                int copied;
                Check.Cuda(CudaDriverNative.cuMemcpyDtoH_v2(&copied, device, 4), "cuMemcpyDtoH_v2");
                Assert.Equal(immediate ? 1 : 2, copied);

                Check.Cuda(CudaDriverNative.cuStreamDestroy_v2(stream), "cuStreamDestroy_v2");
                Check.Cuda(CudaDriverNative.cuMemFree_v2(device), "cuMemFree_v2");
                Check.Cuda(CudaDriverNative.cuMemFreeHost(pinned), "cuMemFreeHost");
            }

            CudaSessionEmulationTests.AssertNothingHeld();
        }
        finally
        {
            EmulatedDriver.SetImmediate(false);
        }
    }

    [Fact]
    public unsafe void A_stream_waiting_on_an_event_runs_after_the_work_recorded_before_it()
    {
        using var driver = EmulatedDriver.Use();
        using (var context = new CudaDeviceContext(0))
        {
            Check.Cuda(CudaDriverNative.cuMemAlloc_v2(out var source, 4), "cuMemAlloc_v2");
            Check.Cuda(CudaDriverNative.cuMemAlloc_v2(out var destination, 4), "cuMemAlloc_v2");
            Check.Cuda(CudaDriverNative.cuMemsetD32_v2(destination, 0, 1), "cuMemsetD32_v2");
            Check.Cuda(CudaDriverNative.cuStreamCreate(out var copy, CudaStreamFlags.NonBlocking), "cuStreamCreate");
            Check.Cuda(CudaDriverNative.cuStreamCreate(out var compute, CudaStreamFlags.NonBlocking), "cuStreamCreate");
            Check.Cuda(CudaDriverNative.cuEventCreate(out var copied, CudaEventFlags.DisableTiming), "cuEventCreate");
            var value = 7;
            Check.Cuda(CudaDriverNative.cuMemcpyHtoDAsync_v2(source, &value, 4, copy), "cuMemcpyHtoDAsync_v2");
            Check.Cuda(CudaDriverNative.cuEventRecord(copied, copy), "cuEventRecord");
            Check.Cuda(CudaDriverNative.cuStreamWaitEvent(compute, copied, 0), "cuStreamWaitEvent");
            Check.Cuda(CudaDriverNative.cuMemcpyDtoDAsync_v2(destination, source, 4, compute), "cuMemcpyDtoDAsync_v2");
            Assert.Equal(4, EmulatedDriver.Counts().QueuedOperations); // copy, record; wait, copy

            Check.Cuda(CudaDriverNative.cuStreamSynchronize(compute), "cuStreamSynchronize");
            Assert.Equal(0, EmulatedDriver.Counts().QueuedOperations);
            int result;
            Check.Cuda(CudaDriverNative.cuMemcpyDtoH_v2(&result, destination, 4), "cuMemcpyDtoH_v2");
            Assert.Equal(7, result);

            Check.Cuda(CudaDriverNative.cuEventDestroy_v2(copied), "cuEventDestroy_v2");
            Check.Cuda(CudaDriverNative.cuStreamDestroy_v2(copy), "cuStreamDestroy_v2");
            Check.Cuda(CudaDriverNative.cuStreamDestroy_v2(compute), "cuStreamDestroy_v2");
            Check.Cuda(CudaDriverNative.cuMemFree_v2(source), "cuMemFree_v2");
            Check.Cuda(CudaDriverNative.cuMemFree_v2(destination), "cuMemFree_v2");
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public unsafe void Launches_beyond_a_gpus_limits_and_unknown_kernels_are_refused()
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.Register(XorNet.CudaProgram);
        var kernel = XorNet.CudaProgram.Forward[0].Kernel;
        using (var context = new CudaDeviceContext(0))
        {
            Check.Cuda(CudaDriverNative.cuModuleLoadData(out var module, [0x2E, 0]), "cuModuleLoadData");
            Assert.Equal(CudaResult.NotFound, CudaDriverNative.cuModuleGetFunction(out _, module, "no_such_kernel"));
            Check.Cuda(CudaDriverNative.cuModuleGetFunction(out var function, module, kernel), "cuModuleGetFunction");
            var before = EmulatedDriver.Counts();
            var cells = stackalloc ulong[16];
            var arguments = stackalloc void*[16];
            for (var i = 0; i < 16; i++)
            {
                arguments[i] = &cells[i];
            }

            (uint X, uint Y, uint Z, uint Block, uint BlockY)[] refused =
            [
                (1, 1, 1, 1025, 1), (1, 1, 1, 0, 1), (1, 1, 1, 32, 2), (0, 1, 1, 32, 1), (1, 65536, 1, 32, 1), (1, 1, 65536, 32, 1),
                ((uint)CudaLimits.GridX + 1, 1, 1, 32, 1),
            ];
            foreach (var (x, y, z, block, blockY) in refused)
            {
                Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuLaunchKernel(function, x, y, z, block, blockY, 1, 0, 0, arguments, null));
            }

            Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuLaunchKernel(12345, 1, 1, 1, 32, 1, 1, 0, 0, arguments, null));
            var after = EmulatedDriver.Counts();
            Assert.Equal(refused.Length + 1, after.LaunchesRefused - before.LaunchesRefused);
            Assert.Equal((before.LaunchesRun, 0L), (after.LaunchesRun, after.QueuedOperations));

            Check.Cuda(CudaDriverNative.cuModuleUnload(module), "cuModuleUnload");
            Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuModuleUnload(module));
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public async Task Bad_pointers_handles_and_a_missing_context_are_errors()
    {
        using var driver = EmulatedDriver.Use();
        using (var context = new CudaDeviceContext(0))
        {
            Check.Cuda(CudaDriverNative.cuMemAlloc_v2(out var device, 16), "cuMemAlloc_v2");
            var values = new byte[32];
            unsafe
            {
                fixed (byte* host = values)
                {
                    Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuMemcpyHtoD_v2(device, host, 17));
                    Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuMemcpyDtoH_v2(host, device + 8, 9));
                    Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuMemcpyHtoD_v2(device, null, 4));
                    Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuMemsetD32Async(device, 0, 5, 0));
                    Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuMemcpyHtoDAsync_v2(device, host, 4, 999));
                    Check.Cuda(CudaDriverNative.cuMemcpyHtoD_v2(device, host, 16), "cuMemcpyHtoD_v2");
                }
            }

            Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuMemFree_v2(device + 4));
            Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuStreamSynchronize(999));
            Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuEventSynchronize(999));
            Assert.Equal(CudaResult.InvalidDevice, CudaDriverNative.cuDeviceGet(out _, 1));

            // A thread without a current context, as every thread starts.
            var elsewhere = await Task.Factory.StartNew(() => CudaDriverNative.cuMemFree_v2(device), TaskCreationOptions.LongRunning);
            Assert.Equal(CudaResult.InvalidContext, elsewhere);
            context.MakeCurrent(); // the continuation may run on another thread too
            Check.Cuda(CudaDriverNative.cuMemFree_v2(device), "cuMemFree_v2");
            Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuMemFree_v2(device)); // twice
        }

        Check.Cuda(CudaDriverNative.cuGetErrorName(CudaResult.InvalidContext, out var name), "cuGetErrorName");
        Assert.Equal("CUDA_ERROR_INVALID_CONTEXT", Marshal.PtrToStringUTF8(name));
        Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuGetErrorName((CudaResult)12345, out var unknown));
        Assert.Equal(0, unknown);
        Assert.Contains("CUDA_ERROR_OUT_OF_MEMORY", new CudaException("cuMemAlloc_v2", CudaResult.OutOfMemory).Message, StringComparison.Ordinal);
        Assert.Equal(EmulatedDriver.DeviceName, EmulatedDriver.Device().Name);
        Assert.Equal((8, 0), (EmulatedDriver.Device().ComputeCapabilityMajor, EmulatedDriver.Device().ComputeCapabilityMinor));
        CudaSessionEmulationTests.AssertNothingHeld();
    }
}

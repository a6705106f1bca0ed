using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using NetGen.Cuda;
using NetGen.Cuda.Interop;
using NetGen.CudaEmulation.Tests.Harness.Driver;
using NetGen.Samples.Xor;

namespace NetGen.CudaEmulation.Tests.Session;

/// <summary>
/// The emulated driver's stream capture and graphs, through the runtime's own P/Invokes: a capture records instead of
/// running, a launched graph runs when the host waits for it and as the same calls made directly, a kernel node's new
/// parameters reach later launches only, and what a capture cannot record is refused and invalidates it.
/// </summary>
[Collection(EmulatedDriverCollection.Name)]
public sealed unsafe class EmulatedDriverGraphTests
{
    [Fact]
    public void A_captured_sequence_runs_on_launch_when_the_host_waits_as_the_same_calls_made_directly()
    {
        using var driver = EmulatedDriver.Use();
        using (var setup = new SgdSetup())
        {
            setup.Fill(setup.Parameters, 100f);
            setup.ClearResult();
            var before = EmulatedDriver.Counts();

            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(setup.Stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            setup.RecordStep(0.5f);
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(setup.Stream, out var graph), "cuStreamEndCapture");
            Assert.NotEqual(0, graph);
            var captured = EmulatedDriver.Counts();
            Assert.Equal((before.LaunchesRun, 0L), (captured.LaunchesRun, captured.QueuedOperations));
            Assert.All(setup.Read(setup.Parameters), value => Assert.Equal(100f, value)); // the copy did not run either
            Assert.All(setup.Result(), value => Assert.Equal(-1f, value));

            Check.Cuda(CudaDriverNative.cuGraphInstantiateWithFlags(out var exec, graph, 0), "cuGraphInstantiateWithFlags");
            Check.Cuda(CudaDriverNative.cuGraphLaunch(exec, setup.Stream), "cuGraphLaunch");
            var launched = EmulatedDriver.Counts();
            Assert.Equal((before.LaunchesRun, 3L), (launched.LaunchesRun, launched.QueuedOperations)); // copy, launch, copy: queued
            Assert.All(setup.Result(), value => Assert.Equal(-1f, value));

            Check.Cuda(CudaDriverNative.cuStreamSynchronize(setup.Stream), "cuStreamSynchronize");
            var ran = EmulatedDriver.Counts();
            Assert.Equal((before.LaunchesRun + 1, 0L), (ran.LaunchesRun, ran.QueuedOperations));
            var fromGraph = setup.Result();
            Assert.Equal(Enumerable.Range(0, SgdSetup.Count).Select(i => i - 0.5f), fromGraph);

            // The same calls made directly.
            setup.Fill(setup.Parameters, 100f);
            setup.ClearResult();
            setup.RecordStep(0.5f);
            Check.Cuda(CudaDriverNative.cuStreamSynchronize(setup.Stream), "cuStreamSynchronize");
            Assert.Equal(fromGraph, setup.Result());

            Check.Cuda(CudaDriverNative.cuGraphExecDestroy(exec), "cuGraphExecDestroy");
            Check.Cuda(CudaDriverNative.cuGraphDestroy(graph), "cuGraphDestroy");
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void New_kernel_node_parameters_reach_the_launches_after_the_call_and_not_one_already_queued()
    {
        using var driver = EmulatedDriver.Use();
        using (var setup = new SgdSetup())
        {
            setup.Fill(setup.Parameters, 0f);
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(setup.Stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
            var node = setup.LastCapturedNode();
            setup.Arguments(50f); // the cells were copied at the launch
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(setup.Stream, out var graph), "cuStreamEndCapture");
            Check.Cuda(CudaDriverNative.cuGraphInstantiateWithFlags(out var exec, graph, 0), "cuGraphInstantiateWithFlags");

            Check.Cuda(CudaDriverNative.cuGraphLaunch(exec, setup.Stream), "cuGraphLaunch"); // queued, with η = 1
            var parameters = setup.NodeParameters(2f);
            Check.Cuda(CudaDriverNative.cuGraphExecKernelNodeSetParams(exec, node, &parameters), "cuGraphExecKernelNodeSetParams");
            setup.Arguments(100f); // copied at the call as well
            Check.Cuda(CudaDriverNative.cuGraphLaunch(exec, setup.Stream), "cuGraphLaunch"); // η = 2
            Assert.Equal(2, EmulatedDriver.Counts().QueuedOperations);
            Check.Cuda(CudaDriverNative.cuStreamSynchronize(setup.Stream), "cuStreamSynchronize");
            Assert.All(setup.Read(setup.Parameters), value => Assert.Equal(-3f, value)); // 0 − 1 − 2

            Check.Cuda(CudaDriverNative.cuGraphExecDestroy(exec), "cuGraphExecDestroy");
            Check.Cuda(CudaDriverNative.cuGraphDestroy(graph), "cuGraphDestroy");
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void Capture_info_names_the_node_just_captured_and_only_its_own_kernel_nodes_take_new_parameters()
    {
        using var driver = EmulatedDriver.Use();
        using (var setup = new SgdSetup())
        {
            Check.Cuda(CudaDriverNative.cuStreamGetCaptureInfo_v2(setup.Stream, out var status, null, null, null, null), "cuStreamGetCaptureInfo_v2");
            Assert.Equal(CudaCaptureStatus.None, status);

            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(setup.Stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            ulong id;
            nint capturing;
            nint* dependencies;
            nuint count;
            Check.Cuda(CudaDriverNative.cuStreamGetCaptureInfo_v2(setup.Stream, out status, &id, &capturing, &dependencies, &count), "cuStreamGetCaptureInfo_v2");
            Assert.Equal((CudaCaptureStatus.Active, (nuint)0), (status, count));
            Assert.NotEqual(0UL, id);
            Assert.NotEqual(0, capturing);

            Check.Cuda(CudaDriverNative.cuMemcpyDtoDAsync_v2(setup.Parameters, setup.Initial, SgdSetup.Bytes, setup.Stream), "cuMemcpyDtoDAsync_v2");
            var copyNode = setup.LastCapturedNode();
            Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
            ulong sameId;
            nint sameGraph;
            Check.Cuda(CudaDriverNative.cuStreamGetCaptureInfo_v2(setup.Stream, out status, &sameId, &sameGraph, &dependencies, &count), "cuStreamGetCaptureInfo_v2");
            Assert.Equal((CudaCaptureStatus.Active, (nuint)1, id, capturing), (status, count, sameId, sameGraph));
            var kernelNode = dependencies[0];
            Assert.NotEqual(copyNode, kernelNode);
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(setup.Stream, out var graph), "cuStreamEndCapture");
            Assert.Equal(capturing, graph);

            // A second capture, of the same launch: a greater id, another graph, another node.
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(setup.Stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
            ulong secondId;
            Check.Cuda(CudaDriverNative.cuStreamGetCaptureInfo_v2(setup.Stream, out status, &secondId, null, null, null), "cuStreamGetCaptureInfo_v2");
            Assert.True(secondId > id, $"The second capture's id {secondId} is not after the first's {id}.");
            var otherNode = setup.LastCapturedNode();
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(setup.Stream, out var otherGraph), "cuStreamEndCapture");

            Check.Cuda(CudaDriverNative.cuGraphInstantiateWithFlags(out var exec, graph, 0), "cuGraphInstantiateWithFlags");
            var parameters = setup.NodeParameters(2f);
            Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuGraphExecKernelNodeSetParams(exec, otherNode, &parameters));
            Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuGraphExecKernelNodeSetParams(exec, copyNode, &parameters));
            var otherFunction = parameters with { Function = setup.OtherFunction };
            Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuGraphExecKernelNodeSetParams(exec, kernelNode, &otherFunction));
            var tooWide = parameters with { BlockX = 1025 };
            Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuGraphExecKernelNodeSetParams(exec, kernelNode, &tooWide));
            var withShared = parameters with { SharedMemoryBytes = 16 };
            Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuGraphExecKernelNodeSetParams(exec, kernelNode, &withShared));
            Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuGraphExecKernelNodeSetParams(12345, kernelNode, &parameters));
            Check.Cuda(CudaDriverNative.cuGraphExecKernelNodeSetParams(exec, kernelNode, &parameters), "cuGraphExecKernelNodeSetParams");
            Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuGraphInstantiateWithFlags(out _, graph, 1));

            Check.Cuda(CudaDriverNative.cuGraphExecDestroy(exec), "cuGraphExecDestroy");
            Check.Cuda(CudaDriverNative.cuGraphDestroy(graph), "cuGraphDestroy");
            Check.Cuda(CudaDriverNative.cuGraphDestroy(otherGraph), "cuGraphDestroy");
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void What_a_capture_cannot_record_is_refused_and_invalidates_it()
    {
        using var driver = EmulatedDriver.Use();
        using (var setup = new SgdSetup())
        {
            Check.Cuda(CudaDriverNative.cuStreamCreate(out var other, CudaStreamFlags.NonBlocking), "cuStreamCreate");
            Check.Cuda(CudaDriverNative.cuEventCreate(out var outside, CudaEventFlags.DisableTiming), "cuEventCreate");
            Check.Cuda(CudaDriverNative.cuEventRecord(outside, other), "cuEventRecord");
            var pageable = new float[SgdSetup.Count];
            var stream = setup.Stream;
            (string Call, CudaResult Expected, Func<CudaResult> Make)[] refused =
            [
                ("cuStreamSynchronize", CudaResult.StreamCaptureUnsupported, () => CudaDriverNative.cuStreamSynchronize(stream)),
                ("cuCtxSynchronize", CudaResult.StreamCaptureUnsupported, CudaDriverNative.cuCtxSynchronize),
                ("cuMemcpyDtoHAsync_v2 to pageable memory", CudaResult.StreamCaptureUnsupported, () =>
                {
                    fixed (float* host = pageable)
                    {
                        return CudaDriverNative.cuMemcpyDtoHAsync_v2(host, setup.Parameters, SgdSetup.Bytes, stream);
                    }
                }),
                ("cuMemcpyHtoDAsync_v2 from pageable memory", CudaResult.StreamCaptureUnsupported, () =>
                {
                    fixed (float* host = pageable)
                    {
                        return CudaDriverNative.cuMemcpyHtoDAsync_v2(setup.Parameters, host, SgdSetup.Bytes, stream);
                    }
                }),
                ("cuStreamWaitEvent on an event recorded outside", CudaResult.StreamCaptureIsolation, () => CudaDriverNative.cuStreamWaitEvent(stream, outside, 0)),
                ("cuEventRecord", CudaResult.StreamCaptureUnsupported, () => CudaDriverNative.cuEventRecord(outside, stream)),
                ("cuMemcpyHtoD_v2", CudaResult.StreamCaptureImplicit, () =>
                {
                    fixed (float* host = pageable)
                    {
                        return CudaDriverNative.cuMemcpyHtoD_v2(setup.Parameters, host, SgdSetup.Bytes);
                    }
                }),
                ("cuMemcpyDtoH_v2", CudaResult.StreamCaptureImplicit, () =>
                {
                    fixed (float* host = pageable)
                    {
                        return CudaDriverNative.cuMemcpyDtoH_v2(host, setup.Parameters, SgdSetup.Bytes);
                    }
                }),
                ("cuMemsetD32_v2", CudaResult.StreamCaptureImplicit, () => CudaDriverNative.cuMemsetD32_v2(setup.Parameters, 0, SgdSetup.Count)),
                ("cuMemsetD8_v2", CudaResult.StreamCaptureImplicit, () => CudaDriverNative.cuMemsetD8_v2(setup.Parameters, 0, SgdSetup.Bytes)),
            ];

            var graphsBefore = EmulatedDriver.Counts().Graphs;
            foreach (var (call, expected, make) in refused)
            {
                Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
                Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
                Assert.True(expected == make(), $"{call} during a capture did not return {expected}.");
                Check.Cuda(CudaDriverNative.cuStreamGetCaptureInfo_v2(stream, out var status, null, null, null, null), "cuStreamGetCaptureInfo_v2");
                Assert.True(status == CudaCaptureStatus.Invalidated, $"{call} left the capture's status {status}.");
                Assert.Equal(CudaResult.StreamCaptureInvalidated, setup.Launch(1f)); // nothing more joins it
                var ended = CudaDriverNative.cuStreamEndCapture(stream, out var graph);
                Assert.True(ended == CudaResult.StreamCaptureInvalidated && graph == 0, $"After {call}, cuStreamEndCapture returned {ended} and graph {graph}.");
            }

            Assert.Equal(graphsBefore, EmulatedDriver.Counts().Graphs);
            Assert.Equal(1, EmulatedDriver.Counts().QueuedOperations); // the record in `other`, not waited for yet

            // Legal during a capture: waiting for an event outside it; a relaxed capture lets its thread copy synchronously.
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            Check.Cuda(CudaDriverNative.cuEventSynchronize(outside), "cuEventSynchronize");
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(stream, out var legal), "cuStreamEndCapture");
            Check.Cuda(CudaDriverNative.cuGraphDestroy(legal), "cuGraphDestroy");
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(stream, 2), "cuStreamBeginCapture_v2"); // CU_STREAM_CAPTURE_MODE_RELAXED
            Check.Cuda(CudaDriverNative.cuMemsetD32_v2(setup.Parameters, 0, SgdSetup.Count), "cuMemsetD32_v2");
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(stream, out var relaxed), "cuStreamEndCapture");
            Check.Cuda(CudaDriverNative.cuGraphDestroy(relaxed), "cuGraphDestroy");

            // Beginning and ending where no capture can be, launching a graph into one.
            Assert.Equal(CudaResult.StreamCaptureUnsupported, CudaDriverNative.cuStreamBeginCapture_v2(0, CudaCaptureMode.ThreadLocal));
            Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuStreamBeginCapture_v2(stream, 3));
            Assert.Equal(CudaResult.IllegalState, CudaDriverNative.cuStreamEndCapture(stream, out _));
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
            Assert.Equal(CudaResult.IllegalState, CudaDriverNative.cuStreamBeginCapture_v2(stream, CudaCaptureMode.ThreadLocal));
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(stream, out var graphOfOne), "cuStreamEndCapture");
            Check.Cuda(CudaDriverNative.cuGraphInstantiateWithFlags(out var exec, graphOfOne, 0), "cuGraphInstantiateWithFlags");
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            Assert.Equal(CudaResult.StreamCaptureUnsupported, CudaDriverNative.cuGraphLaunch(exec, stream));
            Assert.Equal(CudaResult.StreamCaptureInvalidated, CudaDriverNative.cuStreamEndCapture(stream, out var none));
            Assert.Equal(0, none);

            Check.Cuda(CudaDriverNative.cuGraphExecDestroy(exec), "cuGraphExecDestroy");
            Check.Cuda(CudaDriverNative.cuGraphDestroy(graphOfOne), "cuGraphDestroy");
            Check.Cuda(CudaDriverNative.cuEventDestroy_v2(outside), "cuEventDestroy_v2");
            foreach (var (code, name) in new[]
                     {
                         (CudaResult.IllegalState, "CUDA_ERROR_ILLEGAL_STATE"), (CudaResult.StreamCaptureUnsupported, "CUDA_ERROR_STREAM_CAPTURE_UNSUPPORTED"),
                         (CudaResult.StreamCaptureInvalidated, "CUDA_ERROR_STREAM_CAPTURE_INVALIDATED"),
                         (CudaResult.StreamCaptureIsolation, "CUDA_ERROR_STREAM_CAPTURE_ISOLATION"),
                         (CudaResult.StreamCaptureImplicit, "CUDA_ERROR_STREAM_CAPTURE_IMPLICIT"),
                         (CudaResult.StreamCaptureWrongThread, "CUDA_ERROR_STREAM_CAPTURE_WRONG_THREAD"),
                     })
            {
                Check.Cuda(CudaDriverNative.cuGetErrorName(code, out var named), "cuGetErrorName");
                Assert.Equal(name, Marshal.PtrToStringUTF8(named));
            }

            Check.Cuda(CudaDriverNative.cuStreamDestroy_v2(other), "cuStreamDestroy_v2");
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void A_thread_local_capture_is_ended_by_its_own_thread_and_leaves_other_threads_free()
    {
        using var driver = EmulatedDriver.Use();
        using (var setup = new SgdSetup())
        {
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(setup.Stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
            var (ended, endedGraph, memset) = OnAnotherThread(setup);
            Assert.Equal((CudaResult.StreamCaptureWrongThread, (nint)0), (ended, endedGraph));
            Assert.Equal(CudaResult.Success, memset); // another thread's synchronous call: not this capture's business
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(setup.Stream, out var graph), "cuStreamEndCapture"); // still whole
            Check.Cuda(CudaDriverNative.cuGraphDestroy(graph), "cuGraphDestroy");

            // A global capture prohibits other threads' unsafe calls; a relaxed one may be ended anywhere.
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(setup.Stream, 0), "cuStreamBeginCapture_v2"); // CU_STREAM_CAPTURE_MODE_GLOBAL
            (_, _, memset) = OnAnotherThread(setup, end: false);
            Assert.Equal(CudaResult.StreamCaptureImplicit, memset);
            Assert.Equal(CudaResult.StreamCaptureInvalidated, CudaDriverNative.cuStreamEndCapture(setup.Stream, out _));
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(setup.Stream, 2), "cuStreamBeginCapture_v2"); // CU_STREAM_CAPTURE_MODE_RELAXED
            Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
            (ended, endedGraph, _) = OnAnotherThread(setup);
            Assert.Equal(CudaResult.Success, ended);
            Check.Cuda(CudaDriverNative.cuGraphDestroy(endedGraph), "cuGraphDestroy");
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void An_exec_runs_after_its_graph_is_destroyed()
    {
        using var driver = EmulatedDriver.Use();
        using (var setup = new SgdSetup())
        {
            setup.Fill(setup.Parameters, 0f);
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(setup.Stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            Check.Cuda(setup.Launch(0.25f), "cuLaunchKernel");
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(setup.Stream, out var graph), "cuStreamEndCapture");
            Check.Cuda(CudaDriverNative.cuGraphInstantiateWithFlags(out var exec, graph, 0), "cuGraphInstantiateWithFlags");
            Check.Cuda(CudaDriverNative.cuGraphDestroy(graph), "cuGraphDestroy");
            Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuGraphDestroy(graph));
            Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuGraphInstantiateWithFlags(out _, graph, 0));

            Check.Cuda(CudaDriverNative.cuGraphLaunch(exec, setup.Stream), "cuGraphLaunch");
            Check.Cuda(CudaDriverNative.cuGraphLaunch(exec, setup.Stream), "cuGraphLaunch");
            Check.Cuda(CudaDriverNative.cuStreamSynchronize(setup.Stream), "cuStreamSynchronize");
            Assert.All(setup.Read(setup.Parameters), value => Assert.Equal(-0.5f, value));

            Check.Cuda(CudaDriverNative.cuGraphExecDestroy(exec), "cuGraphExecDestroy");
            Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuGraphExecDestroy(exec));
            Assert.Equal(CudaResult.InvalidHandle, CudaDriverNative.cuGraphLaunch(exec, setup.Stream));
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void The_counts_tell_graphs_and_execs_held_and_host_launch_calls_from_graph_launches()
    {
        using var driver = EmulatedDriver.Use();
        using (var setup = new SgdSetup())
        {
            setup.Fill(setup.Parameters, 0f);
            var before = EmulatedDriver.Counts();
            Check.Cuda(CudaDriverNative.cuStreamBeginCapture_v2(setup.Stream, CudaCaptureMode.ThreadLocal), "cuStreamBeginCapture_v2");
            Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
            Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
            Check.Cuda(CudaDriverNative.cuStreamEndCapture(setup.Stream, out var graph), "cuStreamEndCapture");
            Check.Cuda(CudaDriverNative.cuGraphInstantiateWithFlags(out var first, graph, 0), "cuGraphInstantiateWithFlags");
            Check.Cuda(CudaDriverNative.cuGraphInstantiateWithFlags(out var second, graph, 0), "cuGraphInstantiateWithFlags");
            var held = EmulatedDriver.Counts();
            Assert.Equal((1L, 2L, 0L, 0L, 0L), Delta(before, held));

            for (var i = 0; i < 3; i++)
            {
                Check.Cuda(CudaDriverNative.cuGraphLaunch(first, setup.Stream), "cuGraphLaunch");
            }

            Check.Cuda(setup.Launch(1f), "cuLaunchKernel");
            Assert.Equal((1L, 2L, 1L, 3L, 0L), Delta(before, EmulatedDriver.Counts()));
            Check.Cuda(CudaDriverNative.cuStreamSynchronize(setup.Stream), "cuStreamSynchronize");
            Assert.Equal((1L, 2L, 1L, 3L, 7L), Delta(before, EmulatedDriver.Counts()));
            Assert.All(setup.Read(setup.Parameters), value => Assert.Equal(-7f, value));

            Check.Cuda(CudaDriverNative.cuGraphDestroy(graph), "cuGraphDestroy");
            Check.Cuda(CudaDriverNative.cuGraphExecDestroy(first), "cuGraphExecDestroy");
            Assert.Equal((0L, 1L), (EmulatedDriver.Counts().Graphs - before.Graphs, EmulatedDriver.Counts().GraphExecs - before.GraphExecs));
            Assert.False(EmulatedDriver.Counts().NothingHeld);
            Check.Cuda(CudaDriverNative.cuGraphExecDestroy(second), "cuGraphExecDestroy");
        }

        CudaSessionEmulationTests.AssertNothingHeld();
    }

    private static (long Graphs, long Execs, long HostLaunchCalls, long GraphLaunches, long LaunchesRun) Delta(DriverCounts before, DriverCounts after) =>
        (after.Graphs - before.Graphs, after.GraphExecs - before.GraphExecs, after.HostLaunchCalls - before.HostLaunchCalls,
            after.GraphLaunches - before.GraphLaunches, after.LaunchesRun - before.LaunchesRun);

    /// <summary>On a new thread with the context current: cuStreamEndCapture of the setup's stream (unless not), then a synchronous memset.</summary>
    private static (CudaResult Ended, nint Graph, CudaResult Memset) OnAnotherThread(SgdSetup setup, bool end = true)
    {
        var result = (Ended: CudaResult.Success, Graph: (nint)0, Memset: CudaResult.Success);
        var thread = new Thread(() =>
        {
            setup.Context.MakeCurrent();
            if (end)
            {
                result.Ended = CudaDriverNative.cuStreamEndCapture(setup.Stream, out result.Graph);
            }

            result.Memset = CudaDriverNative.cuMemsetD32_v2(setup.Initial, 0, 1);
        });
        thread.Start();
        thread.Join();
        return result;
    }

    /// <summary>
    /// XorNet's sgd_step (θ ← θ − η·g) over its 17 parameters, loaded in the emulated driver with its buffers: every
    /// gradient 1, the clip scale 1, no clipping bound reached, no decay, no non-finite value; so each launch subtracts its
    /// learning rate from every parameter. A non-blocking stream, a pinned result buffer and XorNet's first forward kernel
    /// (another function of the module) come with it.
    /// </summary>
    private sealed class SgdSetup : IDisposable
    {
        public const int Count = 17;
        public const nuint Bytes = Count * sizeof(float);
        private const int ArgumentCount = 8;
        private readonly ulong* _cells;
        private readonly void** _arguments;
        private readonly float* _result;

        public SgdSetup()
        {
            EmulatedDriver.Register(XorNet.CudaProgram);
            Context = new CudaDeviceContext(0);
            Check.Cuda(CudaDriverNative.cuModuleLoadData(out var module, [0x2E, 0]), "cuModuleLoadData");
            Module = module;
            Check.Cuda(CudaDriverNative.cuModuleGetFunction(out var sgd, module, "sgd_step"), "cuModuleGetFunction");
            Check.Cuda(CudaDriverNative.cuModuleGetFunction(out var other, module, XorNet.CudaProgram.Forward[0].Kernel), "cuModuleGetFunction");
            (Function, OtherFunction) = (sgd, other);
            Parameters = Allocate(Bytes);
            Initial = Allocate(Bytes);
            Gradients = Allocate(Bytes);
            ClipScale = Allocate(sizeof(float));
            FirstNonFinite = Allocate(2 * sizeof(int));
            Check.Cuda(CudaDriverNative.cuMemAllocHost_v2(out var result, Bytes), "cuMemAllocHost_v2");
            _result = (float*)result;
            Check.Cuda(CudaDriverNative.cuStreamCreate(out var stream, CudaStreamFlags.NonBlocking), "cuStreamCreate");
            Stream = stream;
            Write(Initial, Enumerable.Range(0, Count).Select(i => (float)i).ToArray());
            Fill(Gradients, 1f);
            Fill(Parameters, 0f);
            Write(ClipScale, [1f]);
            int[] allFinite = [-1, 0];
            fixed (int* host = allFinite)
            {
                Check.Cuda(CudaDriverNative.cuMemcpyHtoD_v2(FirstNonFinite, host, 2 * sizeof(int)), "cuMemcpyHtoD_v2");
            }

            _cells = (ulong*)NativeMemory.AllocZeroed(ArgumentCount * sizeof(ulong));
            _arguments = (void**)NativeMemory.Alloc((nuint)(ArgumentCount * sizeof(void*)));
            for (var i = 0; i < ArgumentCount; i++)
            {
                _arguments[i] = &_cells[i];
            }
        }

        public CudaDeviceContext Context { get; }

        public nint Module { get; }

        public nint Function { get; }

        public nint OtherFunction { get; }

        public nint Stream { get; }

        public ulong Parameters { get; }

        public ulong Initial { get; }

        public ulong Gradients { get; }

        public ulong ClipScale { get; }

        public ulong FirstNonFinite { get; }

        /// <summary>sgd_step's argument cells for learning rate <paramref name="learningRate"/>.</summary>
        public void** Arguments(float learningRate)
        {
            _cells[0] = Parameters;
            _cells[1] = Gradients;
            _cells[2] = ClipScale;
            _cells[3] = FirstNonFinite;
            float[] floats = [float.MaxValue, 0f, 0f, learningRate]; // clip bound, L2 and L1 decay, η
            for (var i = 0; i < floats.Length; i++)
            {
                _cells[4 + i] = 0;
                *(float*)&_cells[4 + i] = floats[i];
            }

            return _arguments;
        }

        public CudaResult Launch(float learningRate) =>
            CudaDriverNative.cuLaunchKernel(Function, 1, 1, 1, 32, 1, 1, 0, Stream, Arguments(learningRate), null);

        public CudaKernelNodeParameters NodeParameters(float learningRate) => new()
        {
            Function = Function,
            GridX = 1,
            GridY = 1,
            GridZ = 1,
            BlockX = 32,
            BlockY = 1,
            BlockZ = 1,
            SharedMemoryBytes = 0,
            KernelParameters = Arguments(learningRate),
            Extra = null,
        };

        /// <summary>A training step's shape on the stream: θ ← initial values, one sgd_step, θ copied to the pinned result.</summary>
        public void RecordStep(float learningRate)
        {
            Check.Cuda(CudaDriverNative.cuMemcpyDtoDAsync_v2(Parameters, Initial, Bytes, Stream), "cuMemcpyDtoDAsync_v2");
            Check.Cuda(Launch(learningRate), "cuLaunchKernel");
            Check.Cuda(CudaDriverNative.cuMemcpyDtoHAsync_v2(_result, Parameters, Bytes, Stream), "cuMemcpyDtoHAsync_v2");
        }

        /// <summary>The node the capture on <see cref="Stream"/> captured last, as cuStreamGetCaptureInfo_v2 gives it.</summary>
        public nint LastCapturedNode()
        {
            nint* dependencies;
            nuint count;
            Check.Cuda(CudaDriverNative.cuStreamGetCaptureInfo_v2(Stream, out var status, null, null, &dependencies, &count), "cuStreamGetCaptureInfo_v2");
            Assert.Equal((CudaCaptureStatus.Active, (nuint)1), (status, count));
            return dependencies[0];
        }

        public void ClearResult() => new Span<float>(_result, Count).Fill(-1f);

        public float[] Result() => new Span<float>(_result, Count).ToArray();

        public void Fill(ulong buffer, float value) => Write(buffer, Enumerable.Repeat(value, Count).ToArray());

        public float[] Read(ulong buffer)
        {
            var values = new float[Count];
            fixed (float* host = values)
            {
                Check.Cuda(CudaDriverNative.cuMemcpyDtoH_v2(host, buffer, Bytes), "cuMemcpyDtoH_v2");
            }

            return values;
        }

        public void Dispose()
        {
            Check.Cuda(CudaDriverNative.cuStreamDestroy_v2(Stream), "cuStreamDestroy_v2");
            foreach (var buffer in new[] { Parameters, Initial, Gradients, ClipScale, FirstNonFinite })
            {
                Check.Cuda(CudaDriverNative.cuMemFree_v2(buffer), "cuMemFree_v2");
            }

            Check.Cuda(CudaDriverNative.cuMemFreeHost(_result), "cuMemFreeHost");
            Check.Cuda(CudaDriverNative.cuModuleUnload(Module), "cuModuleUnload");
            NativeMemory.Free(_cells);
            NativeMemory.Free(_arguments);
            Context.Dispose();
        }

        private static ulong Allocate(nuint bytes)
        {
            Check.Cuda(CudaDriverNative.cuMemAlloc_v2(out var buffer, bytes), "cuMemAlloc_v2");
            return buffer;
        }

        private static void Write(ulong buffer, float[] values)
        {
            fixed (float* host = values)
            {
                Check.Cuda(CudaDriverNative.cuMemcpyHtoD_v2(buffer, host, (nuint)(values.Length * sizeof(float))), "cuMemcpyHtoD_v2");
            }
        }
    }
}

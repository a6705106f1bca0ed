using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetGen.Cuda;
using NetGen.Cuda.Interop;
using NetGen.Optimizers;
using NetGen.Samples.Mnist;
using NetGen.Samples.Xor;

namespace NetGen.Tests.Devices;

/// <summary>
/// The CUDA session's ordering and lifetime on a real GPU: uploads and the optimizer reset ordered before the next
/// launch, a step finished on another thread, no allocation per step, a constructor that runs out of device memory
/// releasing what it took, and a kernel fault named after its kernel without the backend hiding it. Skipped, with the
/// reason, where there is no device.
/// </summary>
[Collection(CudaDeviceAloneCollection.Name)]
[TestCaseOrderer(FaultsLastOrderer.TypeName, FaultsLastOrderer.AssemblyName)]
public sealed class CudaSessionLifetimeGpuTests
{
    private const double Tolerance = 1e-4;
    private const int Batch = 64;

    [CudaDeviceFact]
    public void Parameters_uploaded_while_a_forward_runs_reach_the_next_launch_and_not_the_running_one()
    {
        var (inputs, targets) = MnistLikeBatch(Batch);
        var first = Initialized(7);
        var second = Initialized(8);
        var expectedFirst = CpuForward(first, inputs);
        var expectedSecond = CpuForward(second, inputs);
        var network = Initialized(7);
        using var session = CudaSession.Open(network, Device(), Batch);

        session.Stage(inputs, targets);
        session.LaunchForward();
        session.UploadParametersAndState(second.Parameters, second.State); // no wait: ordered after the forward just launched
        session.Finish();
        var outputsOfTheRunningLaunch = session.LastOutputs.ToArray();
        session.Stage(inputs, targets);
        session.LaunchForward(); // at once after the upload
        session.Finish();

        AssertClose(expectedFirst, outputsOfTheRunningLaunch, "outputs of the forward launched before the upload");
        AssertClose(expectedSecond, session.LastOutputs.ToArray(), "outputs of the forward launched after the upload");
        Assert.Equal(first.Parameters.ToArray(), network.Parameters.ToArray()); // the network's host copy is left alone
    }

    [CudaDeviceFact]
    public void An_optimizer_reset_and_upload_right_before_a_step_give_a_fresh_optimizers_step()
    {
        var (inputs, targets) = MnistLikeBatch(Batch);
        var cpu = Initialized(3);
        cpu.ComputeGradients(inputs, targets);
        new Adam(0.01f).Step(cpu.Parameters, cpu.Gradients);
        var network = Initialized(3);
        var initial = network.Parameters.ToArray();
        using var session = CudaSession.Open(network, Device(), Batch);
        for (var step = 0; step < 3; step++) // moves the parameters and fills Adam's moments
        {
            session.Stage(inputs, targets);
            session.LaunchTrainingStep(new Adam(0.01f));
            session.Finish();
        }

        session.UploadParametersAndState(initial, network.State);
        session.ResetOptimizerState();
        session.Stage(inputs, targets);
        session.LaunchTrainingStep(new Adam(0.01f)); // no wait between the reset and the step
        session.Finish();
        session.DownloadParameters();

        AssertClose(cpu.Parameters.ToArray(), network.Parameters.ToArray(), "parameters after one step of a fresh Adam");
    }

    [CudaDeviceFact]
    public async Task Finish_on_another_thread_returns_the_loss_of_the_launching_thread()
    {
        var (inputs, targets) = MnistLikeBatch(Batch);
        using var session = CudaSession.Open(Initialized(5), Device(), Batch);
        session.Stage(inputs, targets);
        session.LaunchEvaluation();
        var lossOnTheLaunchingThread = session.Finish();
        var outputsOnTheLaunchingThread = session.LastOutputs.ToArray();

        session.Stage(inputs, targets);
        session.LaunchEvaluation();
        var lossOnAnotherThread = float.NaN;
        var finisher = new Thread(() => lossOnAnotherThread = session.Finish()); // a new thread: no context is current on it
        finisher.Start();
        finisher.Join();
        var outputsOnAnotherThread = session.LastOutputs.ToArray();

        var lossOfAStepOnThePool = await Task.Run(() =>
        {
            session.Stage(inputs, targets);
            session.LaunchEvaluation();
            return session.Finish();
        });

        Assert.False(float.IsNaN(lossOnTheLaunchingThread));
        Assert.Equal(lossOnTheLaunchingThread, lossOnAnotherThread);
        Assert.Equal(outputsOnTheLaunchingThread, outputsOnAnotherThread);
        Assert.Equal(lossOnTheLaunchingThread, lossOfAStepOnThePool);
    }

    [CudaDeviceFact]
    public void A_training_step_allocates_nothing_on_the_host()
    {
        var (inputs, targets) = MnistLikeBatch(Batch);
        using var session = CudaSession.Open(Initialized(5), Device(), Batch);
        var optimizer = new Adam(0.001f);
        void Step()
        {
            session.Stage(inputs, targets);
            session.LaunchTrainingStep(optimizer);
            session.Finish();
        }

        Step(); // the first step fills the optimizer's floats
        var bytes = AllocationMeter.BytesAllocatedBy(Step);

        Assert.Equal(0, bytes);
    }

    [CudaDeviceFact]
    public void A_session_that_runs_out_of_device_memory_releases_what_it_took_and_the_device_works_after()
    {
        var device = Device();
        Assert.Equal(0, PrimaryContextActive(device)); // no session is open (this collection runs alone)

        // Every per-sample buffer of int.MaxValue samples is hundreds of GiB: the constructor fails at its first one,
        // after it had retained the context, loaded the module, created the streams and allocated the fixed buffers.
        var error = Assert.Throws<CudaException>(() => CudaSession.Open(Initialized(1), device, int.MaxValue));

        Assert.Equal(CudaResult.OutOfMemory, error.Result);
        Assert.StartsWith("cuMemAlloc_v2(", error.Call);
        Assert.Equal(0, PrimaryContextActive(device)); // the retain was released, and with it everything allocated in the context
        var (inputs, targets) = MnistLikeBatch(Batch);
        var network = Initialized(2);
        using var session = CudaSession.Open(network, device, Batch);
        session.Stage(inputs, targets);
        session.LaunchForward();
        session.Finish();
        AssertClose(CpuForward(Initialized(2), inputs), session.LastOutputs.ToArray(), "outputs of a session opened after the failure");
    }

    [CudaDeviceFact]
    [FaultsTheDevice]
    public void A_kernel_fault_under_synchronized_launches_names_its_kernel_and_disposing_the_backend_does_not_hide_it()
    {
        var network = new XorNet();
        network.Initialize(4);
        var hostParameters = network.Parameters.ToArray();
        var session = CudaSession.Open(network, FaultingProgram(XorNet.CudaProgram), Device(), 4);
        session.SynchronizeLaunches = true;

        var error = Assert.Throws<CudaException>(() =>
        {
            using var backend = new CudaTrainingBackend(network, session);
            backend.SetParametersAndState(hostParameters, network.State); // the backend now owes the network a download
            backend.EvaluateBatch([0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0]);
        });

        // Had disposing the backend downloaded the parameters, its error (the context's sticky one) would have replaced this.
        Assert.Equal("cuStreamSynchronize after fault_on_purpose", error.Call);
        Assert.Contains("fault_on_purpose", error.Message);
        Assert.True(error.Result is CudaResult.IllegalAddress or CudaResult.LaunchFailed, $"{error.Result}");
        Assert.True(session.HasFaulted);
        Assert.Same(error, session.FirstFault);
        Assert.Equal(hostParameters, network.Parameters.ToArray()); // the network keeps its host parameters
    }

    /// <summary>XorNet's program with a forward pass of one kernel that stores through a null pointer.</summary>
    private static CudaProgram FaultingProgram(CudaProgram xor)
    {
        const string Kernel = """

            extern "C" __global__ void fault_on_purpose(float* outputs, int batch)
            {
                float* volatile nowhere = nullptr;
                *nowhere = outputs[0] + (float)batch;
            }
            """;
        var fault = new CudaLaunch(
            "fault_on_purpose", GridDimension.Constant(1), GridDimension.Constant(1), GridDimension.Constant(1), 1,
            [CudaArgument.Buffer(xor.OutputBuffer), CudaArgument.BatchSize]);
        return new CudaProgram(xor.NetworkName, xor.GeneratedSource + Kernel, xor.Buffers, [fault], xor.Loss, xor.Backward, xor.ClipNorm, xor.OptimizerSteps, xor.OutputBuffer);
    }

    private static int PrimaryContextActive(CudaDeviceInfo device)
    {
        Check.Cuda(CudaDriverNative.cuDeviceGet(out var handle, device.Ordinal), "cuDeviceGet");
        Check.Cuda(CudaDriverNative.cuDevicePrimaryCtxGetState(handle, out _, out var active), "cuDevicePrimaryCtxGetState");
        return active;
    }

    private static CudaDeviceInfo Device() => CudaProbe.TryFind(0, out _)!;

    private static MnistMlp Initialized(int seed)
    {
        var network = new MnistMlp();
        network.Initialize(seed);
        return network;
    }

    private static float[] CpuForward(INetwork network, float[] inputs)
    {
        var outputs = new float[inputs.Length / network.InputSize * network.OutputSize];
        network.Forward(inputs, outputs);
        return outputs;
    }

    private static (float[] Inputs, float[] Targets) MnistLikeBatch(int batch)
    {
        var random = new Random(11);
        var inputs = Enumerable.Range(0, batch * 784).Select(_ => (float)random.NextDouble()).ToArray();
        var targets = new float[batch * 10];
        for (var sample = 0; sample < batch; sample++)
        {
            targets[(sample * 10) + random.Next(10)] = 1f;
        }

        return (inputs, targets);
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var scale = Math.Max(Math.Abs(expected[i]), Math.Abs(actual[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= (Tolerance * scale) + 1e-6, $"{what}[{i}]: CPU {expected[i]}, GPU {actual[i]}");
        }
    }
}

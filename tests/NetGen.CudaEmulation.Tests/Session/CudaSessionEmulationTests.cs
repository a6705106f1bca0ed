using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetGen.Cuda;
using NetGen.Cuda.Interop;
using NetGen.CudaEmulation.Tests.Harness;
using NetGen.CudaEmulation.Tests.Harness.Driver;
using NetGen.CudaEmulation.Tests.Parity;
using NetGen.Optimizers;
using NetGen.Samples.Mnist;
using NetGen.Samples.Xor;
using Xunit.Abstractions;

namespace NetGen.CudaEmulation.Tests.Session;

/// <summary>
/// The runtime's <see cref="CudaSession"/> itself, on the emulated driver: NVRTC compiles the network for real, the
/// driver runs the kernels from the emulation library of the same source, and work on the streams runs only when the
/// host waits for it. Gradients and steps against the C# CPU backend, the ordering of staging, launches, uploads and
/// waits over the two slots, a step finished on another thread, and constructors that fail midway releasing everything.
/// </summary>
[Collection(EmulatedDriverCollection.Name)]
public sealed class CudaSessionEmulationTests(ITestOutputHelper output)
{
    /// <summary>NVRTC's images, kept with the harness's other builds.</summary>
    internal static readonly KernelCache Cache = new(Path.Combine(Toolchain.CacheDirectory, "nvrtc"));

    [Theory]
    [InlineData(nameof(XorNet), 4, 4, false)]
    [InlineData(nameof(XorNet), 3, 5, true)]
    [InlineData(nameof(MnistMlp), 3, 3, false)]
    public void Gradients_outputs_and_loss_match_the_cpu_backend(string name, int batch, int capacity, bool immediate)
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.SetImmediate(immediate);
        try
        {
            var network = NetworkCatalog.Get(name);
            var cpu = network.Create();
            TestData.Randomize(cpu, 5);
            var inputs = TestData.Inputs(cpu, batch, 5);
            var targets = TestData.Targets(cpu, batch, 5);
            var launchesBefore = EmulatedDriver.Counts().LaunchesRun;
            var report = new ParityReport($"{name} at batch {batch} through CudaSession");
            float gpuLoss;
            float[] gpuOutputs, gpuGradients = new float[cpu.ParameterCount];
            using (var session = Open(cpu, capacity))
            {
                session.Stage(inputs, targets);
                session.LaunchGradients();
                gpuLoss = session.Finish();
                gpuOutputs = session.LastOutputs.ToArray();
                session.CopyGradientsTo(gpuGradients);
                Assert.Equal(targets, session.LastTargets.ToArray());
            }

            var launched = EmulatedDriver.Counts().LaunchesRun - launchesBefore;
            var cpuLoss = cpu.ComputeGradients(inputs, targets);
            report.Compare("outputs", cpu.LastOutputs, gpuOutputs, ParityReport.RowName(cpu.OutputSize));
            report.Compare("loss", [cpuLoss], [gpuLoss]);
            report.Compare("gradients", cpu.Gradients, gpuGradients, ParityReport.ParameterName(cpu));
            output.WriteLine(report.Summary());
            report.AssertNoMismatches();
            var program = network.Program;
            Assert.Equal(program.Forward.Concat(program.Loss).Concat(program.Backward).Count(launch => launch.RunsFor(batch)), launched);
            AssertNothingHeld();
        }
        finally
        {
            EmulatedDriver.SetImmediate(false);
        }
    }

    [Fact]
    public void Training_steps_match_the_cpu_optimizers()
    {
        using var driver = EmulatedDriver.Use();
        const int batch = 4;
        var cpu = new XorNet();
        TestData.Randomize(cpu, 9);
        var gpu = new XorNet();
        TestData.Randomize(gpu, 9);
        var inputs = TestData.Inputs(cpu, batch, 9);
        var targets = TestData.Targets(cpu, batch, 9);
        var report = new ParityReport("XorNet, three Adam steps and three momentum steps through CudaSession");
        using (var session = Open(gpu, batch))
        {
            foreach (var make in new Func<Optimizer>[] { () => new Adam(0.05f), () => new Momentum(0.1f, 0.9f) { ClipNorm = 0.5f } })
            {
                var cpuOptimizer = make();
                var gpuOptimizer = make();
                session.ResetOptimizerState();
                for (var step = 0; step < 3; step++)
                {
                    cpu.ComputeGradients(inputs, targets);
                    cpuOptimizer.Step(cpu.Parameters, cpu.Gradients);
                    session.Stage(inputs, targets);
                    session.LaunchTrainingStep(gpuOptimizer);
                    session.Finish();
                    Assert.Equal(CudaNonFinite.AllFinite, session.LastFirstNonFinite);
                }

                session.DownloadParameters();
                report.Compare(cpuOptimizer + " parameters", cpu.Parameters, gpu.Parameters, ParityReport.ParameterName(cpu));
                Assert.Equal(cpuOptimizer.StepCount, gpuOptimizer.StepCount);
            }

            Assert.Equal(6, session.TrainingSteps);
        }

        output.WriteLine(report.Summary());
        report.AssertNoMismatches();
        Assert.Equal(6, gpu.TrainingSteps);
        AssertNothingHeld();
    }

    [Fact]
    public void Staging_overlaps_the_running_step_over_two_slots_and_uploads_reach_only_later_launches()
    {
        using var driver = EmulatedDriver.Use();
        var first = new XorNet();
        TestData.Randomize(first, 21);
        var second = new XorNet();
        TestData.Randomize(second, 22);
        var (inputsA, targetsA) = Batch(first, 4, 31);
        var (inputsB, targetsB) = Batch(first, 3, 32); // a partial batch: the slot holds 4
        var (inputsC, targetsC) = Batch(first, 4, 33);
        var network = new XorNet();
        TestData.Randomize(network, 21);
        var report = new ParityReport("XorNet evaluations over two slots");
        using (var session = Open(network, 4))
        {
            session.Stage(inputsA, targetsA);
            session.LaunchEvaluation();
            session.Stage(inputsB, targetsB); // the second slot, while A runs
            var lossA = session.Finish();
            report.Compare("A outputs (first parameters)", Forward(first, inputsA), session.LastOutputs);
            report.Compare("A loss", [Loss(first, inputsA, targetsA)], [lossA]);
            Assert.Equal(targetsA, session.LastTargets.ToArray());

            session.LaunchEvaluation(); // B
            session.UploadParametersAndState(second.Parameters, second.State); // ordered after B, before C
            session.Stage(inputsC, targetsC); // the first slot again: waits until A's step no longer reads it
            var lossB = session.Finish();
            report.Compare("B outputs (first parameters)", Forward(first, inputsB), session.LastOutputs);
            report.Compare("B loss", [Loss(first, inputsB, targetsB)], [lossB]);
            Assert.Equal(3 * XorNet.OutputSize, session.LastOutputs.Length);

            session.LaunchEvaluation(); // C
            var lossC = session.Finish();
            report.Compare("C outputs (second parameters)", Forward(second, inputsC), session.LastOutputs);
            report.Compare("C loss", [Loss(second, inputsC, targetsC)], [lossC]);

            var outputs = new float[4 * XorNet.OutputSize];
            session.Forward(inputsA, outputs);
            report.Compare("Forward(A) (second parameters)", Forward(second, inputsA), outputs);
            Assert.True(float.IsNaN(session.Finish())); // a forward pass has no loss
        }

        output.WriteLine(report.Summary());
        report.AssertNoMismatches();
        TestData.Randomize(first, 21);
        Assert.Equal(first.Parameters.ToArray(), network.Parameters.ToArray()); // the host copy is left alone
        AssertNothingHeld();
    }

    [Fact]
    public async Task A_step_launched_on_one_thread_finishes_on_another()
    {
        using var driver = EmulatedDriver.Use();
        var network = new XorNet();
        TestData.Randomize(network, 41);
        var (inputs, targets) = Batch(network, 4, 42);
        var cpu = new XorNet();
        TestData.Randomize(cpu, 41);
        var expected = cpu.ComputeGradients(inputs, targets);
        using (var session = Open(network, 4))
        {
            session.Stage(inputs, targets);
            session.LaunchGradients();

            // The driver acts on the calling thread's current context, which a fresh thread does not have.
            var bare = await Task.Factory.StartNew(() => CudaDriverNative.cuCtxSynchronize(), TaskCreationOptions.LongRunning);
            Assert.Equal(CudaResult.InvalidContext, bare);
            var loss = await Task.Factory.StartNew(session.Finish, TaskCreationOptions.LongRunning);
            var gradients = new float[XorNet.ParameterCount];
            await Task.Factory.StartNew(() => session.CopyGradientsTo(gradients), TaskCreationOptions.LongRunning);

            var report = new ParityReport("XorNet finished on other threads");
            report.Compare("loss", [expected], [loss]);
            report.Compare("gradients", cpu.Gradients, gradients, ParityReport.ParameterName(cpu));
            report.AssertNoMismatches();
        }

        AssertNothingHeld();
    }

    [Fact]
    public void A_capacity_beyond_the_programs_largest_batch_is_refused_before_anything_is_taken()
    {
        using var driver = EmulatedDriver.Use();
        var network = new MnistMlp();
        network.Initialize(1);
        var device = EmulatedDriver.Device();
        EmulatedDriver.Register(MnistMlp.CudaProgram);
        var largest = MnistMlp.CudaProgram.MaxBatchSize;
        Assert.True(largest < int.MaxValue, "MnistMlp's buffers limit its batch");
        var before = EmulatedDriver.Counts();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CudaSession.Open(network, device, largest + 1, Cache));

        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, EmulatedDriver.Counts());
        using (var session = CudaSession.Open(network, device, 1, Cache))
        {
            Assert.Equal(1, EmulatedDriver.Counts().ContextRetains);
        }

        AssertNothingHeld();
    }

    [Fact]
    public void A_module_that_fails_to_load_releases_the_context()
    {
        using var driver = EmulatedDriver.Use();
        var network = new XorNet();
        network.Initialize(1);
        var device = EmulatedDriver.Device();
        EmulatedDriver.Unregister();

        var error = Assert.Throws<CudaException>(() => CudaSession.Open(network, device, 4, Cache));

        Assert.Equal(("cuModuleLoadData", CudaResult.InvalidImage), (error.Call, error.Result));
        Assert.Contains("CUDA_ERROR_INVALID_IMAGE", error.Message, StringComparison.Ordinal);
        AssertNothingHeld();
    }

    [Fact]
    public void Running_out_of_memory_at_any_allocation_of_the_constructor_releases_what_it_took()
    {
        using var driver = EmulatedDriver.Use();
        var network = new XorNet();
        network.Initialize(1);
        int allocations;
        using (var session = Open(network, 4))
        {
            var counts = EmulatedDriver.Counts();
            allocations = checked((int)(counts.DeviceAllocations + counts.HostAllocations));
            Assert.Equal((1L, 2L, 4L, 1L), (counts.Modules, counts.Streams, counts.Events, counts.ContextRetains));
        }

        AssertNothingHeld();
        try
        {
            for (var failing = 0; failing < allocations; failing++)
            {
                EmulatedDriver.FailAllocationsAfter(failing);
                var error = Assert.Throws<CudaException>(() => Open(network, 4));
                Assert.Equal(CudaResult.OutOfMemory, error.Result);
                EmulatedDriver.FailAllocationsAfter(-1);
                AssertNothingHeld($"after running out of memory at allocation {failing + 1} of {allocations}");
            }

            EmulatedDriver.FailAllocationsAfter(allocations);
            using (Open(network, 4))
            {
            }
        }
        finally
        {
            EmulatedDriver.FailAllocationsAfter(-1);
        }

        AssertNothingHeld();
    }

    [Fact]
    public void Disposing_with_a_step_launched_and_a_batch_staged_waits_and_releases_everything()
    {
        using var driver = EmulatedDriver.Use();
        var network = new XorNet();
        TestData.Randomize(network, 51);
        var (inputs, targets) = Batch(network, 4, 52);
        var session = Open(network, 4);
        session.Stage(inputs, targets);
        session.LaunchTrainingStep(new Sgd(0.1f));
        session.Stage(inputs, targets);
        Assert.True(EmulatedDriver.Counts().QueuedOperations > 0, "the launched step waits for a synchronization");

        session.Dispose();
        session.Dispose();

        AssertNothingHeld();
        Assert.Throws<ObjectDisposedException>(() => session.Finish());
    }

    internal static CudaSession Open(INetwork network, int capacity)
    {
        EmulatedDriver.Register(network.CudaProgram);
        return CudaSession.Open(network, EmulatedDriver.Device(), capacity, Cache);
    }

    internal static void AssertNothingHeld(string? when = null)
    {
        var counts = EmulatedDriver.Counts();
        Assert.True(counts.NothingHeld, $"The emulated driver still holds {counts}{(when is null ? string.Empty : " " + when)}.");
    }

    private static (float[] Inputs, float[] Targets) Batch(INetwork network, int batch, int seed) =>
        (TestData.Inputs(network, batch, seed), TestData.Targets(network, batch, seed));

    private static float[] Forward(INetwork network, float[] inputs)
    {
        var outputs = new float[inputs.Length / network.InputSize * network.OutputSize];
        network.Forward(inputs, outputs);
        return outputs;
    }

    private static float Loss(INetwork network, float[] inputs, float[] targets) => network.ComputeGradients(inputs, targets);
}

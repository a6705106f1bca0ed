using System.Collections.Generic;
using System.Linq;
using NetGen.CudaEmulation.Tests.Harness.Driver;
using NetGen.CudaEmulation.Tests.Parity;
using NetGen.Optimizers;
using NetGen.Samples.Xor;
using Xunit.Abstractions;

namespace NetGen.CudaEmulation.Tests.Session;

/// <summary>
/// The CUDA training backend returns each step's result during the next step, waiting only for the step before the one
/// it just launched: the launched step is still queued when the host accounts the one before (lazy streams run nothing
/// until waited for). A NaN batch first, in the middle, last, or two in a row, under Skip and under Stop, leaves the
/// parameters, the running statistics, the step counts and the history as on the CPU, although the step after it was
/// already queued when the host learnt of it.
/// </summary>
[Collection(EmulatedDriverCollection.Name)]
public sealed class LaggedResultsEmulationTests(ITestOutputHelper output)
{
    private const int Samples = 16;
    private const int BatchSize = 4;
    private const int Batches = Samples / BatchSize;

    [Fact]
    public void The_host_accounts_a_step_while_the_next_one_is_still_queued()
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.Register(XorNet.CudaProgram);
        var network = new XorNet();
        network.Initialize(3);
        var data = new Dataset([0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0], XorNet.InputSize, XorNet.OutputSize);
        var seen = new List<(int Batch, DriverCounts Counts)>();
        long launchesBefore = -1;
        var history = Trainer.Fit(network, data, new TrainingOptions
        {
            Epochs = 1, BatchSize = 1, Shuffle = false, Optimizer = new Adam(0.05f), Device = ComputeDevice.Cuda(),
            Callbacks = [new OnStart(() => launchesBefore = EmulatedDriver.Counts().LaunchesRun)],
            Progress = progress => seen.Add((progress.Batch, EmulatedDriver.Counts())),
        });

        Assert.Single(history.Epochs);
        var launchesPerStep = (EmulatedDriver.Counts().LaunchesRun - launchesBefore) / 4;
        Assert.True(launchesPerStep >= 3, $"a step runs forward, backward and the update ({launchesPerStep} launches)");
        Assert.Equal([1, 2, 3, 4], seen.Select(entry => entry.Batch));
        foreach (var (batch, counts) in seen.Take(3))
        {
            // The steps up to this result ran, and not one kernel of the next: it is queued, with its copies.
            Assert.Equal(launchesBefore + (batch * launchesPerStep), counts.LaunchesRun);
            Assert.True(counts.QueuedOperations >= launchesPerStep, $"after step {batch}'s result, {counts.QueuedOperations} operations queued");
        }

        // The last result comes from finishing the epoch's steps: nothing is left to run.
        Assert.Equal(launchesBefore + (4 * launchesPerStep), seen[3].Counts.LaunchesRun);
        Assert.Equal(4, network.TrainingSteps);
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Theory]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 2 })]
    [InlineData(new[] { Batches })]
    [InlineData(new[] { 2, 3 })]
    [InlineData(new[] { 1, Batches })]
    public void Skipping_nan_batches_anywhere_in_the_epoch_trains_as_the_cpu(int[] nanBatches)
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.Register(TanhBatchNormNet.CudaProgram);
        var cpu = Fit(ComputeDevice.Cpu, nanBatches, NonFiniteBatchPolicy.Skip);
        var gpu = Fit(ComputeDevice.Cuda(), nanBatches, NonFiniteBatchPolicy.Skip);

        Assert.Null(gpu.Error);
        Assert.All(gpu.History!.Epochs, epoch => Assert.Equal(nanBatches.Length, epoch.SkippedBatches));
        Assert.Equal(cpu.History!.Epochs.Select(epoch => epoch.SkippedBatches), gpu.History.Epochs.Select(epoch => epoch.SkippedBatches));
        Assert.Equal(cpu.History.Epochs.Select(epoch => epoch.Accuracy), gpu.History.Epochs.Select(epoch => epoch.Accuracy));
        Assert.Equal(3 * (Batches - nanBatches.Length), gpu.Network.TrainingSteps);
        AssertSameAsCpu(cpu, gpu, $"skipping NaN batches {string.Join(", ", nanBatches)} for 3 epochs");
        var report = new ParityReport("epoch losses");
        report.Compare("epoch losses", Floats(cpu.History.Epochs.Select(epoch => epoch.Loss)), Floats(gpu.History.Epochs.Select(epoch => epoch.Loss)));
        report.AssertNoMismatches();
        Assert.Equal(cpu.Progress, gpu.Progress);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(Batches)]
    public void A_nan_batch_anywhere_in_the_epoch_stops_fit_as_on_the_cpu(int nanBatch)
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.Register(TanhBatchNormNet.CudaProgram);
        var cpu = Fit(ComputeDevice.Cpu, [nanBatch], NonFiniteBatchPolicy.Stop);
        var gpu = Fit(ComputeDevice.Cuda(), [nanBatch], NonFiniteBatchPolicy.Stop);

        Assert.NotNull(gpu.Error);
        Assert.Equal((1, nanBatch, (long)nanBatch), (gpu.Error!.Epoch, gpu.Error.Step, gpu.Error.GlobalStep));
        Assert.Equal((cpu.Error!.Epoch, cpu.Error.Step, cpu.Error.GlobalStep, cpu.Error.Tensor), (gpu.Error.Epoch, gpu.Error.Step, gpu.Error.GlobalStep, gpu.Error.Tensor));
        Assert.Equal(nanBatch - 1, gpu.Network.TrainingSteps);
        AssertSameAsCpu(cpu, gpu, $"stopped at NaN batch {nanBatch}");
        Assert.Equal(cpu.Progress, gpu.Progress);
    }

    [Theory]
    [InlineData(NonFiniteBatchPolicy.Stop)]
    [InlineData(NonFiniteBatchPolicy.Skip)]
    public void A_gradient_that_overflows_with_a_step_queued_behind_it_is_named_and_left_out_as_on_the_cpu(NonFiniteBatchPolicy policy)
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.Register(LineNet.CudaProgram);
        var (cpuError, cpu, cpuOptimizer) = FitLine(ComputeDevice.Cpu, policy);
        var (gpuError, gpu, gpuOptimizer) = FitLine(ComputeDevice.Cuda(), policy);

        if (policy == NonFiniteBatchPolicy.Stop)
        {
            // Step 2 of 3 overflows; step 3 was queued behind it when the host read its flag.
            Assert.Equal((2, gpu.ParameterTensors[0].Name, 0), (gpuError!.Step, gpuError.Tensor, gpuError.Index));
            Assert.True(double.IsPositiveInfinity(gpuError.OffendingNumber));
            Assert.Equal((cpuError!.Step, cpuError.Tensor, cpuError.Index, cpuError.OffendingNumber), (gpuError.Step, gpuError.Tensor, gpuError.Index, gpuError.OffendingNumber));
        }
        else
        {
            Assert.Null(gpuError);
        }

        Assert.Equal(cpuOptimizer.StepCount, gpuOptimizer.StepCount);
        Assert.Equal(cpu.TrainingSteps, gpu.TrainingSteps);
        Assert.Equal(policy == NonFiniteBatchPolicy.Stop ? 1 : 2, gpu.TrainingSteps);
        var report = new ParityReport("LineNet with an overflowing gradient, " + policy);
        report.Compare("parameters", cpu.Parameters, gpu.Parameters, ParityReport.ParameterName(cpu));
        output.WriteLine(report.Summary());
        report.AssertNoMismatches();
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    private static (NonFiniteTrainingException? Error, LineNet Network, Optimizer Optimizer) FitLine(ComputeDevice device, NonFiniteBatchPolicy policy)
    {
        var network = new LineNet();
        network.Initialize(1);
        network.ParameterTensors[0].Slice(network.Parameters)[0] = 1e-37f;
        network.ParameterTensors[1].Slice(network.Parameters)[0] = 0f;
        var optimizer = new Sgd(1e-3f);
        try
        {
            Trainer.Fit(network, new Dataset([0f, 1e37f, 0.5f], [1f, -100f, 0.25f], 1, 1), new TrainingOptions
            {
                Epochs = 1, BatchSize = 1, Shuffle = false, Optimizer = optimizer, Device = device, NonFiniteBatches = policy,
            });
            return (null, network, optimizer);
        }
        catch (NonFiniteTrainingException error)
        {
            return (error, network, optimizer);
        }
    }

    [Fact]
    public void Lagged_steps_allocate_nothing_on_the_host_after_warm_up_also_when_a_step_is_undone_and_launched_again()
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.Register(TanhBatchNormNet.CudaProgram);
        var network = new TanhBatchNormNet();
        network.Initialize(4);
        var loader = new BatchLoader(Data(network, [2]), BatchSize, shuffle: false, seed: 0);
        var optimizer = new Momentum(0.1f, 0.9f);
        long allocated;
        using (var backend = CudaTrainingBackend.ForTraining(network, EmulatedDriver.Device(), BatchSize, Samples, validationSamples: null))
        {
            var skipped = 0;
            void Epoch(int epoch)
            {
                loader.StartEpoch(epoch);
                for (var batch = 0; batch < Batches; batch++)
                {
                    var step = backend.TrainStep(loader, optimizer);
                    skipped += step.IsResult && !step.IsFinite ? 1 : 0;
                }

                skipped += backend.FinishSteps() is { IsResult: true, IsFinite: false } ? 1 : 0;
            }

            Epoch(1);
            var before = System.GC.GetAllocatedBytesForCurrentThread();
            Epoch(2);
            allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(2, skipped);
        }

        Assert.Equal(0, allocated);
        Assert.Equal(2 * (Batches - 1), network.TrainingSteps);
        Assert.Equal(2 * (Batches - 1), optimizer.StepCount);
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    private void AssertSameAsCpu(FitResult cpu, FitResult gpu, string what)
    {
        Assert.Equal(cpu.Optimizer.StepCount, gpu.Optimizer.StepCount);
        Assert.Equal(cpu.Network.TrainingSteps, gpu.Network.TrainingSteps);
        Assert.True(gpu.Network.Parameters.ToArray().All(float.IsFinite) && gpu.Network.State.ToArray().All(float.IsFinite));
        var report = new ParityReport("TanhBatchNormNet " + what);
        report.Compare("parameters", cpu.Network.Parameters, gpu.Network.Parameters, ParityReport.ParameterName(cpu.Network));
        report.Compare("running statistics", cpu.Network.State, gpu.Network.State);
        output.WriteLine(report.Summary());
        report.AssertNoMismatches();
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    private static FitResult Fit(ComputeDevice device, int[] nanBatches, NonFiniteBatchPolicy policy)
    {
        var network = new TanhBatchNormNet();
        network.Initialize(4);
        var optimizer = new Momentum(0.1f, 0.9f);
        var progress = new List<(int Epoch, int Batch)>();
        TrainingHistory? history = null;
        NonFiniteTrainingException? error = null;
        try
        {
            history = Trainer.Fit(network, Data(network, nanBatches), new TrainingOptions
            {
                Epochs = 3, BatchSize = BatchSize, Shuffle = false, Optimizer = optimizer, Device = device, NonFiniteBatches = policy,
                Progress = step => progress.Add((step.Epoch, step.Batch)),
            });
        }
        catch (NonFiniteTrainingException exception)
        {
            error = exception;
        }

        return new FitResult(network, optimizer, history, error, progress);
    }

    // 16 samples in 4 batches of 4, in order; one input of each named batch (1-based) is NaN.
    private static Dataset Data(INetwork network, int[] nanBatches)
    {
        var random = new SeededRandom(11);
        var inputs = Enumerable.Range(0, Samples * network.InputSize).Select(_ => random.NextUniform(-1f, 1f)).ToArray();
        var targets = Enumerable.Range(0, Samples * network.OutputSize).Select(_ => random.NextUniform(0f, 1f)).ToArray();
        foreach (var batch in nanBatches)
        {
            inputs[(((batch - 1) * BatchSize) + 1) * network.InputSize] = float.NaN;
        }

        return new Dataset(inputs, targets, network.InputSize, network.OutputSize, allowNonFinite: true);
    }

    private static float[] Floats(IEnumerable<double> values) => values.Select(value => (float)value).ToArray();

    private sealed record FitResult(
        TanhBatchNormNet Network, Optimizer Optimizer, TrainingHistory? History, NonFiniteTrainingException? Error, List<(int Epoch, int Batch)> Progress);

    private sealed class OnStart(System.Action action) : TrainingCallback
    {
        public override void OnTrainingStart(TrainingContext context) => action();
    }
}

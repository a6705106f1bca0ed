using System.Linq;
using NetGen.CudaEmulation.Tests.Harness.Driver;
using NetGen.CudaEmulation.Tests.Parity;
using NetGen.Optimizers;
using NetGen.Samples.Xor;
using Xunit.Abstractions;

namespace NetGen.CudaEmulation.Tests.Session;

/// <summary>
/// <see cref="Trainer.Fit"/> with <see cref="ComputeDevice.Cuda"/> on the emulated driver (the device probe, the CUDA
/// training backend and its session, as on a GPU) against the same fit on the CPU: parameters, the history's losses and
/// accuracies, validation batches, and the non-finite guard stopping or skipping a step with a NaN input.
/// </summary>
[Collection(EmulatedDriverCollection.Name)]
public sealed class TrainerEmulationTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_on_the_emulated_device_trains_as_on_the_cpu()
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.Register(XorNet.CudaProgram);
        var launchesBefore = EmulatedDriver.Counts().LaunchesRun;

        var (cpu, cpuHistory) = FitXor(ComputeDevice.Cpu);
        var (gpu, gpuHistory) = FitXor(ComputeDevice.Cuda());

        Assert.True(EmulatedDriver.Counts().LaunchesRun > launchesBefore, "the CUDA fit ran its kernels on the emulated driver");
        var report = new ParityReport("XorNet fit, 4 epochs of 2 steps and a validation pass each");
        report.Compare("parameters", cpu.Parameters, gpu.Parameters, ParityReport.ParameterName(cpu));
        report.Compare("epoch losses", Floats(cpuHistory.Epochs.Select(epoch => epoch.Loss)), Floats(gpuHistory.Epochs.Select(epoch => epoch.Loss)));
        report.Compare("validation losses", Floats(cpuHistory.Epochs.Select(epoch => epoch.ValidationLoss)), Floats(gpuHistory.Epochs.Select(epoch => epoch.ValidationLoss)));
        output.WriteLine(report.Summary());
        report.AssertNoMismatches();
        Assert.Equal(4, gpuHistory.Epochs.Count);
        Assert.Equal(cpuHistory.Epochs.Select(epoch => epoch.Accuracy), gpuHistory.Epochs.Select(epoch => epoch.Accuracy));
        Assert.Equal(cpuHistory.Epochs.Select(epoch => epoch.ValidationAccuracy), gpuHistory.Epochs.Select(epoch => epoch.ValidationAccuracy));
        Assert.Equal(cpu.TrainingSteps, gpu.TrainingSteps);
        Assert.NotEqual(Initialized().Parameters.ToArray(), gpu.Parameters.ToArray());
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void A_nan_input_stops_fit_on_the_emulated_device_at_the_same_step_with_the_parameters_before_it()
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.Register(TanhBatchNormNet.CudaProgram);
        var (cpuError, cpu, cpuOptimizer) = FitBatchNormNetWithNaN(ComputeDevice.Cpu);
        var (gpuError, gpu, gpuOptimizer) = FitBatchNormNetWithNaN(ComputeDevice.Cuda());

        Assert.Equal((cpuError.Epoch, cpuError.Step, cpuError.GlobalStep, cpuError.Tensor), (gpuError.Epoch, gpuError.Step, gpuError.GlobalStep, gpuError.Tensor));
        Assert.Equal(NonFiniteTrainingException.LossTensor, gpuError.Tensor);
        Assert.Equal(cpuOptimizer.StepCount, gpuOptimizer.StepCount);
        Assert.Equal(cpu.TrainingSteps, gpu.TrainingSteps);
        Assert.True(gpu.Parameters.ToArray().All(float.IsFinite) && gpu.State.ToArray().All(float.IsFinite));
        var report = new ParityReport("TanhBatchNormNet stopped at a NaN input");
        report.Compare("parameters", cpu.Parameters, gpu.Parameters, ParityReport.ParameterName(cpu));
        report.Compare("running statistics", cpu.State, gpu.State);
        output.WriteLine(report.Summary());
        report.AssertNoMismatches();
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    [Fact]
    public void Skipping_a_nan_batch_on_the_emulated_device_trains_as_the_cpu()
    {
        using var driver = EmulatedDriver.Use();
        EmulatedDriver.Register(TanhBatchNormNet.CudaProgram);
        var (cpu, cpuHistory) = SkipWithBatchNorm(ComputeDevice.Cpu);
        var (gpu, gpuHistory) = SkipWithBatchNorm(ComputeDevice.Cuda());

        Assert.All(gpuHistory.Epochs, epoch => Assert.Equal(1, epoch.SkippedBatches));
        Assert.Equal(cpuHistory.Epochs.Select(epoch => epoch.SkippedBatches), gpuHistory.Epochs.Select(epoch => epoch.SkippedBatches));
        Assert.Equal(cpu.TrainingSteps, gpu.TrainingSteps);
        var report = new ParityReport("TanhBatchNormNet skipping a NaN batch for 3 epochs");
        report.Compare("parameters", cpu.Parameters, gpu.Parameters, ParityReport.ParameterName(cpu));
        report.Compare("running statistics", cpu.State, gpu.State);
        report.Compare("epoch losses", Floats(cpuHistory.Epochs.Select(epoch => epoch.Loss)), Floats(gpuHistory.Epochs.Select(epoch => epoch.Loss)));
        output.WriteLine(report.Summary());
        report.AssertNoMismatches();
        CudaSessionEmulationTests.AssertNothingHeld();
    }

    private static XorNet Initialized()
    {
        var network = new XorNet();
        network.Initialize(3);
        return network;
    }

    private static (XorNet Network, TrainingHistory History) FitXor(ComputeDevice device)
    {
        var network = Initialized();
        var data = new Dataset([0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0], XorNet.InputSize, XorNet.OutputSize);
        var history = Trainer.Fit(network, data, new TrainingOptions
        {
            Epochs = 4, BatchSize = 2, Shuffle = true, Seed = 1, Optimizer = new Adam(0.05f), Validation = data, Device = device,
        });
        return (network, history);
    }

    private static (NonFiniteTrainingException Error, TanhBatchNormNet Network, Optimizer Optimizer) FitBatchNormNetWithNaN(ComputeDevice device)
    {
        var network = BatchNormNetwork();
        var optimizer = new Momentum(0.1f, 0.9f);
        var error = Assert.Throws<NonFiniteTrainingException>(() => Trainer.Fit(network, BatchNormData(network), new TrainingOptions
        {
            Epochs = 2, BatchSize = 4, Shuffle = false, Optimizer = optimizer, Device = device,
        }));
        return (error, network, optimizer);
    }

    private static (TanhBatchNormNet Network, TrainingHistory History) SkipWithBatchNorm(ComputeDevice device)
    {
        var network = BatchNormNetwork();
        var history = Trainer.Fit(network, BatchNormData(network), new TrainingOptions
        {
            Epochs = 3, BatchSize = 4, Shuffle = true, Seed = 2, Optimizer = new Momentum(0.1f, 0.9f), Device = device,
            NonFiniteBatches = NonFiniteBatchPolicy.Skip,
        });
        return (network, history);
    }

    private static TanhBatchNormNet BatchNormNetwork()
    {
        var network = new TanhBatchNormNet();
        network.Initialize(4);
        return network;
    }

    // Eight samples; sample 5's first input is NaN. Batches of 4 and a momentum rule: over 2 samples batch normalisation
    // leaves the hidden weights a gradient of rounding noise only, which Adam's normalised step would blow up to ±rate.
    private static Dataset BatchNormData(INetwork network)
    {
        var random = new SeededRandom(11);
        var inputs = Enumerable.Range(0, 8 * network.InputSize).Select(_ => random.NextUniform(-1f, 1f)).ToArray();
        var targets = Enumerable.Range(0, 8 * network.OutputSize).Select(_ => random.NextUniform(0f, 1f)).ToArray();
        inputs[5 * network.InputSize] = float.NaN;
        return new Dataset(inputs, targets, network.InputSize, network.OutputSize, allowNonFinite: true);
    }

    private static float[] Floats(System.Collections.Generic.IEnumerable<double> values) => values.Select(value => (float)value).ToArray();
}

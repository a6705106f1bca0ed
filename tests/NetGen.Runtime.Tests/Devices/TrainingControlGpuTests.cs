using System;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Tests.Networks;
using NetGen.Tests.Training.Control;

namespace NetGen.Tests.Devices;

/// <summary>
/// A schedule with L1 decay, early stopping with restored weights and the validation split on a real GPU, against the same fit on the
/// CPU. Skipped, with the reason, where there is no device.
/// </summary>
public sealed class TrainingControlGpuTests
{
    // Several epochs of steps: the GPU's differently ordered sums drift a little further than one step's 1e-4.
    private const double Tolerance = 1e-3;

    [CudaDeviceFact]
    public void Early_stopping_restores_the_best_epochs_parameters_and_running_statistics_from_the_device()
    {
        var (cpu, cpuStopping, _) = FitBatchNormNet(ComputeDevice.Cpu);
        var (gpu, gpuStopping, gpuRecorder) = FitBatchNormNet(ComputeDevice.Cuda());

        Assert.Equal(cpuStopping.BestEpoch, gpuStopping.BestEpoch);
        Assert.Equal(cpuStopping.StoppedEpoch, gpuStopping.StoppedEpoch);
        Assert.True(gpuStopping.StoppedEarly);
        Assert.Equal(gpuRecorder.Parameters[gpuStopping.BestEpoch - 1], gpu.Parameters.ToArray());
        Assert.Equal(gpuRecorder.State[gpuStopping.BestEpoch - 1], gpu.State.ToArray());
        Assert.NotEqual(gpuRecorder.State[^1], gpu.State.ToArray());
        AssertClose(cpu.Parameters.ToArray(), gpu.Parameters.ToArray(), "parameters");
        AssertClose(cpu.State.ToArray(), gpu.State.ToArray(), "state");
    }

    [CudaDeviceFact]
    public void A_cosine_schedule_and_l1_decay_train_on_the_gpu_as_on_the_cpu()
    {
        var (cpuParameters, cpuHistory) = FitWithSchedules(ComputeDevice.Cpu);
        var (gpuParameters, gpuHistory) = FitWithSchedules(ComputeDevice.Cuda());

        Assert.Equal(cpuHistory.Epochs.Select(epoch => epoch.LearningRate), gpuHistory.Epochs.Select(epoch => epoch.LearningRate));
        AssertClose(cpuParameters, gpuParameters, "parameters");
    }

    [CudaDeviceFact]
    public void A_validation_split_is_scored_on_the_gpu_as_on_the_cpu()
    {
        var cpu = FitWithSplit(ComputeDevice.Cpu);
        var gpu = FitWithSplit(ComputeDevice.Cuda());

        AssertClose(cpu.Epochs.Select(epoch => (float)epoch.ValidationLoss).ToArray(), gpu.Epochs.Select(epoch => (float)epoch.ValidationLoss).ToArray(), "validation loss");
    }

    private static (BatchNormNet Network, EarlyStopping Stopping, ParameterRecorder Recorder) FitBatchNormNet(ComputeDevice device)
    {
        var network = new BatchNormNet();
        network.Initialize(seed: 2);
        var recorder = new ParameterRecorder();
        var stopping = new EarlyStopping(TrainingMetric.ValidationLoss, patience: 2);
        network.Fit(EarlyStoppingTests.RegressionData(sign: 1), new TrainingOptions
        {
            Epochs = 10, BatchSize = 8, Optimizer = new Adam(0.05f), Seed = 3, Validation = EarlyStoppingTests.RegressionData(sign: -1),
            Callbacks = [recorder, stopping], Device = device,
        });
        return (network, stopping, recorder);
    }

    private static (float[] Parameters, TrainingHistory History) FitWithSchedules(ComputeDevice device)
    {
        var network = ControlTestData.Classifier();
        var history = network.Fit(ControlTestData.ClassifierData(), new TrainingOptions
        {
            Epochs = 6, BatchSize = 8, Seed = 1, Device = device,
            Optimizer = new Momentum(0.1f) { L1Decay = 0.01f },
            Callbacks = [new CosineDecay(warmupEpochs: 1)],
        });
        return (network.Parameters.ToArray(), history);
    }

    private static TrainingHistory FitWithSplit(ComputeDevice device)
    {
        var network = ControlTestData.Classifier();
        return network.Fit(ControlTestData.ClassifierData(), new TrainingOptions
        {
            Epochs = 3, BatchSize = 4, Seed = 5, ValidationSplit = 0.25, Optimizer = new Adam(0.01f), Device = device,
        });
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var scale = Math.Max(Math.Abs(expected[i]), Math.Abs(actual[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= (Tolerance * scale) + 1e-5, $"{what}[{i}]: CPU {expected[i]}, GPU {actual[i]}");
        }
    }
}

using System;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Devices;

/// <summary>
/// The non-finite guard of <see cref="Trainer.Fit"/> on a real GPU, against the same fit on the CPU: the update kernels
/// leave the step out, the host reads the flag with the loss, the layer state is put back. Skipped, with the reason,
/// where there is no device.
/// </summary>
public sealed class NonFiniteGpuTests
{
    private const double Tolerance = 1e-4;

    [CudaDeviceFact]
    public void A_nan_input_stops_fit_on_the_gpu_at_the_same_step_with_the_parameters_before_it()
    {
        var (cpuError, cpu, cpuOptimizer) = FitBatchNormNetWithNaN(ComputeDevice.Cpu);
        var (gpuError, gpu, gpuOptimizer) = FitBatchNormNetWithNaN(ComputeDevice.Cuda());

        Assert.Equal((cpuError.Epoch, cpuError.Step, cpuError.GlobalStep, cpuError.Tensor), (gpuError.Epoch, gpuError.Step, gpuError.GlobalStep, gpuError.Tensor));
        Assert.Equal(NonFiniteTrainingException.LossTensor, gpuError.Tensor);
        Assert.Equal(cpuOptimizer.StepCount, gpuOptimizer.StepCount);
        Assert.Equal(cpu.TrainingSteps, gpu.TrainingSteps);
        AssertClose(cpu.Parameters.ToArray(), gpu.Parameters.ToArray(), "parameters");
        AssertClose(cpu.State.ToArray(), gpu.State.ToArray(), "running statistics");
    }

    [CudaDeviceFact]
    public void A_gradient_that_overflows_on_the_gpu_is_named_by_tensor_and_element()
    {
        var network = new LinearRegressionNet();
        network.Initialize(1);
        network.ParameterTensors[0].Slice(network.Parameters)[0] = 1e-37f;
        network.ParameterTensors[1].Slice(network.Parameters)[0] = 0f;

        var error = Assert.Throws<NonFiniteTrainingException>(() => Trainer.Fit(network, new Dataset([0f, 1e37f], [1f, -100f], 1, 1), new TrainingOptions
        {
            Epochs = 1, BatchSize = 1, Shuffle = false, Optimizer = new Sgd(1e-3f), Device = ComputeDevice.Cuda(),
        }));

        Assert.Equal((2, network.ParameterTensors[0].Name, 0), (error.Step, error.Tensor, error.Index));
        Assert.True(double.IsPositiveInfinity(error.OffendingNumber));
        Assert.True(network.Parameters.ToArray().All(float.IsFinite));
    }

    [CudaDeviceFact]
    public void Skipping_on_the_gpu_counts_the_bad_batches_and_trains_as_the_cpu()
    {
        var (cpu, cpuHistory) = SkipWithBatchNorm(ComputeDevice.Cpu);
        var (gpu, gpuHistory) = SkipWithBatchNorm(ComputeDevice.Cuda());

        Assert.Equal(cpuHistory.Epochs.Select(epoch => epoch.SkippedBatches), gpuHistory.Epochs.Select(epoch => epoch.SkippedBatches));
        Assert.All(gpuHistory.Epochs, epoch => Assert.Equal(1, epoch.SkippedBatches));
        Assert.True(gpu.State.ToArray().All(float.IsFinite));
        AssertClose(cpu.Parameters.ToArray(), gpu.Parameters.ToArray(), "parameters");
        AssertClose(cpu.State.ToArray(), gpu.State.ToArray(), "running statistics");
    }

    private static (NonFiniteTrainingException Error, BatchNormNet Network, Optimizer Optimizer) FitBatchNormNetWithNaN(ComputeDevice device)
    {
        var network = BatchNormNetwork();
        var optimizer = new Adam(0.01f);
        var error = Assert.Throws<NonFiniteTrainingException>(() => Trainer.Fit(network, BatchNormData(), new TrainingOptions
        {
            Epochs = 2, BatchSize = 2, Shuffle = false, Optimizer = optimizer, Device = device,
        }));
        return (error, network, optimizer);
    }

    private static (BatchNormNet Network, TrainingHistory History) SkipWithBatchNorm(ComputeDevice device)
    {
        var network = BatchNormNetwork();
        var history = Trainer.Fit(network, BatchNormData(), new TrainingOptions
        {
            Epochs = 3, BatchSize = 2, Shuffle = true, Seed = 2, Optimizer = new Adam(0.01f), Device = device,
            NonFiniteBatches = NonFiniteBatchPolicy.Skip,
        });
        return (network, history);
    }

    private static BatchNormNet BatchNormNetwork()
    {
        var network = new BatchNormNet();
        network.Initialize(4);
        return network;
    }

    // Eight samples; sample 5's first input is NaN.
    private static Dataset BatchNormData()
    {
        var random = new SeededRandom(11);
        var inputs = Enumerable.Range(0, 8 * BatchNormNet.InputSize).Select(_ => random.NextUniform(-1f, 1f)).ToArray();
        var targets = Enumerable.Range(0, 8 * BatchNormNet.OutputSize).Select(_ => random.NextUniform(-1f, 1f)).ToArray();
        inputs[5 * BatchNormNet.InputSize] = float.NaN;
        return new Dataset(inputs, targets, BatchNormNet.InputSize, BatchNormNet.OutputSize, allowNonFinite: true);
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

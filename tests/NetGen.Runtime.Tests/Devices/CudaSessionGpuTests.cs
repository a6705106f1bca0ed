using System;
using System.Linq;
using NetGen.Cuda;
using NetGen.Data;
using NetGen.Optimizers;
using NetGen.Samples.Mnist;
using NetGen.Samples.Xor;
using NetGen.Tests.Data;
using NetGen.Tests.Training;

namespace NetGen.Tests.Devices;

/// <summary>
/// The CUDA backend against the CPU backend on a real GPU: forward outputs, loss, gradients and one step of every
/// optimizer (L1 decay included) within 1e-4 relative, a learning-rate schedule set by a callback, and an MNIST epoch. Skipped, with the
/// reason, where there is no device.
/// </summary>
public sealed class CudaSessionGpuTests
{
    private const double Tolerance = 1e-4;

    [CudaDeviceFact]
    public void Xor_matches_the_cpu() => MatchesTheCpu(new XorNet(), batch: 4);

    [CudaDeviceFact]
    public void The_mnist_perceptron_matches_the_cpu() => MatchesTheCpu(new MnistMlp(), batch: 33);

    [CudaDeviceFact]
    public void LeNet5_matches_the_cpu() => MatchesTheCpu(new LeNet5(), batch: 7);

    [CudaDeviceFact]
    public void An_mnist_epoch_on_the_gpu_learns_as_on_the_cpu()
    {
        var training = Mnist.Load(MnistFiles.Directory, MnistSplit.Training).ToDataset();
        var test = Mnist.Load(MnistFiles.Directory, MnistSplit.Test).ToDataset();
        var network = new MnistMlp();
        network.Initialize(1);

        var history = network.Fit(training, new TrainingOptions
        {
            Epochs = 1, BatchSize = 128, Seed = 1, Validation = test, Device = ComputeDevice.Cuda(),
        });

        Assert.True(history.Last!.ValidationAccuracy >= 0.94, $"test accuracy {history.Last.ValidationAccuracy:P2}");
    }

    [CudaDeviceFact]
    public void An_mnist_epoch_with_the_dataset_on_the_gpu_trains_as_one_with_batches_copied_in()
    {
        var training = Mnist.Load(MnistFiles.Directory, MnistSplit.Training).ToDataset();
        var copied = TrainMnistEpoch(training, keepDatasetOnDevice: false);
        var gathered = TrainMnistEpoch(training, keepDatasetOnDevice: true);

        Assert.Equal(copied.Parameters, gathered.Parameters); // the same batches, the same graphs: the same bits
        Assert.Equal(copied.Loss, gathered.Loss);
    }

    [CudaDeviceFact]
    public void Steps_replayed_as_graphs_give_the_bits_of_separate_launches_on_the_gpu()
    {
        var network = new LeNet5();
        network.Initialize(5);
        var initial = network.Parameters.ToArray();
        var device = CudaProbe.TryFind(0, out _)!;
        float[] Train(bool graphs)
        {
            initial.CopyTo(network.Parameters);
            network.TrainingSteps = 0;
            var optimizer = new Adam(0.001f);
            using var session = CudaSession.Open(network, device, 64);
            session.UseGraphs = graphs;
            for (var step = 0; step < 5; step++)
            {
                var (inputs, targets) = RandomBatch(network, 64 - (step / 2 % 2)); // 64, 64, 63, 63, 64 over slots 0, 1, 0, 1, 0: four graphs
                session.Stage(inputs, targets);
                session.LaunchTrainingStep(optimizer);
                session.Finish();
            }

            Assert.Equal(graphs ? 4 : 0, session.GraphCount);
            session.DownloadParameters();
            return network.Parameters.ToArray();
        }

        Assert.Equal(Train(graphs: false), Train(graphs: true));
    }

    private static (float[] Parameters, double Loss) TrainMnistEpoch(Dataset training, bool keepDatasetOnDevice)
    {
        var network = new MnistMlp();
        network.Initialize(1);
        var history = network.Fit(training, new TrainingOptions
        {
            Epochs = 1, BatchSize = 128, Seed = 1, KeepDatasetOnDevice = keepDatasetOnDevice, Device = ComputeDevice.Cuda(),
        });
        return (network.Parameters.ToArray(), history.Last!.Loss);
    }

    [CudaDeviceFact]
    public void A_learning_rate_set_by_a_callback_between_epochs_is_used_on_the_gpu()
    {
        var (cpuParameters, _) = TrainXorHalvingTheLearningRate(ComputeDevice.Cpu);
        var (gpuParameters, gpuHistory) = TrainXorHalvingTheLearningRate(ComputeDevice.Cuda());

        Assert.Equal([0.5f, 0.25f, 0.125f], gpuHistory.Epochs.Select(epoch => epoch.LearningRate));
        AssertClose(cpuParameters, gpuParameters, "parameters after a halving schedule");
    }

    private static (float[] Parameters, TrainingHistory History) TrainXorHalvingTheLearningRate(ComputeDevice device)
    {
        var network = new XorNet();
        network.Initialize(3);
        var history = network.Fit(new Dataset([0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0], XorNet.InputSize, XorNet.OutputSize), new TrainingOptions
        {
            Epochs = 3,
            BatchSize = 2,
            Seed = 1,
            Optimizer = new Sgd(0.5f),
            Callbacks = [new TrainingCallbackTests.HalveLearningRateAfterTheFirstEpoch()],
            Device = device,
        });
        return (network.Parameters.ToArray(), history);
    }

    private static void MatchesTheCpu(INetwork network, int batch)
    {
        network.Initialize(7);
        var (inputs, targets) = RandomBatch(network, batch);

        var device = CudaProbe.TryFind(0, out _)!;
        using var session = CudaSession.Open(network, device, batch);

        var cpuLoss = network.ComputeGradients(inputs, targets);
        session.Stage(inputs, targets);
        session.LaunchGradients();
        var gpuLoss = session.Finish();
        AssertClose(network.LastOutputs.ToArray(), session.LastOutputs.ToArray(), "outputs");
        AssertClose([cpuLoss], [gpuLoss], "loss");
        var gpuGradients = new float[network.ParameterCount];
        session.CopyGradientsTo(gpuGradients);
        AssertClose(network.Gradients.ToArray(), gpuGradients, "gradients");

        var initial = network.Parameters.ToArray();
        foreach (var make in new Func<Optimizer>[]
                 {
                     () => new Sgd(0.1f), () => new Momentum(), () => new Nesterov(), () => new Adagrad(), () => new AdaDelta(),
                     () => new RmsProp(), () => new Rprop(), () => new Adam(), () => new AdamW { WeightDecay = 0.1f },
                     () => new Adam { WeightDecay = 0.01f, ClipNorm = 0.5f, ClipValue = 0.01f },
                     () => new Sgd(0.1f) { L1Decay = 0.01f }, () => new AdamW { WeightDecay = 0.1f, L1Decay = 0.001f },
                 })
        {
            initial.CopyTo(network.Parameters);
            session.UploadParameters();
            session.ResetOptimizerState();
            var cpu = make();
            network.ComputeGradients(inputs, targets);
            cpu.Step(network.Parameters, network.Gradients);
            var expected = network.Parameters.ToArray();
            session.Stage(inputs, targets);
            session.LaunchTrainingStep(make());
            session.Finish();
            session.DownloadParameters();
            AssertClose(expected, network.Parameters.ToArray(), cpu.ToString());
        }
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

    /// <summary>Inputs uniform in [0, 1) and one-hot targets for a batch of <paramref name="batch"/> samples, the same for a seed.</summary>
    internal static (float[] Inputs, float[] Targets) RandomBatch(INetwork network, int batch, int seed = 11)
    {
        var random = new Random(seed);
        var inputs = Enumerable.Range(0, batch * network.InputSize).Select(_ => (float)random.NextDouble()).ToArray();
        var targets = new float[batch * network.OutputSize];
        for (var sample = 0; sample < batch; sample++)
        {
            targets[(sample * network.OutputSize) + random.Next(network.OutputSize)] = 1f;
        }

        return (inputs, targets);
    }
}

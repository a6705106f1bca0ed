using System;
using NetGen.Optimizers;
using NetGen.Samples.Mnist;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Training;

/// <summary>
/// After warm-up a training step allocates no managed memory: every buffer is planned once per (network, batch size).
/// Run alone: another test's product holding the worker pool would make this thread grow its own packing buffers once.
/// </summary>
[Collection(NetGen.Tests.Cpu.WorkerPoolCollection.Name)]
public sealed class TrainingStepAllocationTests
{
    private const int BatchSize = 128;
    private const int Steps = 20;

    // The first step runs each product on the calling thread alone, sizing its buffers; the second starts the pool's threads.
    private const int WarmUpSteps = 2;

    public static TheoryData<string> Networks => new()
    {
        "MnistMlp", "LeNet5", "DropoutNet", "NoisyReluNet", "SpatialNoisyReluNet", "DropConnectNet", "MaxoutNet", "RbfNet", "RowLstmNet", "StackedRecurrentNet",
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_training_step_allocates_nothing_after_warm_up(string name)
    {
        var network = Create(name);
        var trainStep = TrainStepOf(network);
        var (inputs, targets) = RandomSamples(network, BatchSize, seed: 4);
        var optimizer = new Adam();
        for (var step = 0; step < WarmUpSteps; step++)
        {
            trainStep(inputs, targets, optimizer);
        }

        var allocated = AllocationMeter.BytesAllocatedBy(() =>
        {
            for (var step = 0; step < Steps; step++)
            {
                trainStep(inputs, targets, optimizer);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_trainers_step_allocates_nothing_after_warm_up(string name)
    {
        // What Trainer.Fit runs per batch on the CPU: the next batch from the loader, gradients, the optimizer step, the batch's correct count.
        var network = Create(name);
        var (inputs, targets) = RandomSamples(network, (WarmUpSteps + Steps) * BatchSize, seed: 5);
        var loader = new BatchLoader(new Dataset(inputs, targets, network.InputSize, network.OutputSize), BatchSize, shuffle: true, seed: 1);
        var backend = new CpuTrainingBackend(network);
        var optimizer = new Adam();
        loader.StartEpoch(1);
        for (var step = 0; step < WarmUpSteps; step++)
        {
            backend.TrainStep(loader, optimizer);
        }

        var allocated = AllocationMeter.BytesAllocatedBy(() =>
        {
            for (var step = 0; step < Steps; step++)
            {
                backend.TrainStep(loader, optimizer);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_trainers_step_with_augmentation_allocates_nothing_after_warm_up()
    {
        // Rotation, shift and noise on every batch, as TrainingOptions.Augmentation has the loader do.
        var network = Create("LeNet5");
        var (inputs, targets) = RandomSamples(network, (WarmUpSteps + Steps) * BatchSize, seed: 6);
        var augmenter = new ImageAugmenter(new ImageAugmentation { MaxRotationDegrees = 15, MaxShift = 2, NoiseStandardDeviation = 0.1f, Seed = 1 }, [1, 28, 28]);
        var loader = new BatchLoader(new Dataset(inputs, targets, network.InputSize, network.OutputSize), BatchSize, shuffle: true, seed: 1, augmenter);
        var backend = new CpuTrainingBackend(network);
        var optimizer = new Adam();
        loader.StartEpoch(1);
        for (var step = 0; step < WarmUpSteps; step++)
        {
            backend.TrainStep(loader, optimizer);
        }

        var allocated = AllocationMeter.BytesAllocatedBy(() =>
        {
            for (var step = 0; step < Steps; step++)
            {
                backend.TrainStep(loader, optimizer);
            }
        });

        Assert.Equal(0, allocated);
    }

    // The generated TrainStep is a member of each network class, not of INetwork.
    private static Func<float[], float[], Optimizer, float> TrainStepOf(INetwork network) => network switch
    {
        LeNet5 lenet => (inputs, targets, optimizer) => lenet.TrainStep(inputs, targets, optimizer),
        MnistMlp mlp => (inputs, targets, optimizer) => mlp.TrainStep(inputs, targets, optimizer),
        Networks.DropoutNet dropout => (inputs, targets, optimizer) => dropout.TrainStep(inputs, targets, optimizer),
        Networks.NoisyReluNet noisy => (inputs, targets, optimizer) => noisy.TrainStep(inputs, targets, optimizer),
        Networks.SpatialNoisyReluNet spatial => (inputs, targets, optimizer) => spatial.TrainStep(inputs, targets, optimizer),
        Networks.DropConnectNet dropConnect => (inputs, targets, optimizer) => dropConnect.TrainStep(inputs, targets, optimizer),
        Networks.MaxoutNet maxout => (inputs, targets, optimizer) => maxout.TrainStep(inputs, targets, optimizer),
        Networks.RbfNet rbf => (inputs, targets, optimizer) => rbf.TrainStep(inputs, targets, optimizer),
        Networks.RowLstmNet lstm => (inputs, targets, optimizer) => lstm.TrainStep(inputs, targets, optimizer),
        Networks.StackedRecurrentNet stacked => (inputs, targets, optimizer) => stacked.TrainStep(inputs, targets, optimizer),
        _ => throw new ArgumentException($"No TrainStep for {network.Name}.", nameof(network)),
    };

    private static INetwork Create(string name)
    {
        INetwork network = name switch
        {
            "LeNet5" => new LeNet5(),
            "DropoutNet" => new Networks.DropoutNet(),
            "NoisyReluNet" => new Networks.NoisyReluNet(),
            "SpatialNoisyReluNet" => new Networks.SpatialNoisyReluNet(),
            "DropConnectNet" => new Networks.DropConnectNet(),
            "MaxoutNet" => new Networks.MaxoutNet(),
            "RbfNet" => new Networks.RbfNet(),
            "RowLstmNet" => new Networks.RowLstmNet(),
            "StackedRecurrentNet" => new Networks.StackedRecurrentNet(),
            _ => new MnistMlp(),
        };
        network.Initialize(seed: 1);
        return network;
    }

    private static (float[] Inputs, float[] Targets) RandomSamples(INetwork network, int samples, int seed)
    {
        var inputs = GradientChecker.RandomArray(samples * network.InputSize, seed, 0f, 1f);
        var targets = new float[samples * network.OutputSize];
        var random = new SeededRandom(seed + 1);
        for (var sample = 0; sample < samples; sample++)
        {
            targets[(sample * network.OutputSize) + random.NextInt(network.OutputSize)] = 1f;
        }

        return (inputs, targets);
    }
}

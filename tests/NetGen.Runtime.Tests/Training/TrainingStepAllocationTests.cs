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

    public static TheoryData<string> Networks => new() { "MnistMlp", "LeNet5" };

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_training_step_allocates_nothing_after_warm_up(string name)
    {
        var network = Create(name);
        var trainStep = TrainStepOf(network);
        var (inputs, targets) = RandomBatch(network, seed: 4);
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
        // What Trainer.Fit does per batch: gradients, the optimizer step, the batch's correct count.
        var network = Create(name);
        var (inputs, targets) = RandomBatch(network, seed: 5);
        var optimizer = new Adam();
        for (var step = 0; step < WarmUpSteps; step++)
        {
            Step(network, inputs, targets, optimizer);
        }

        var allocated = AllocationMeter.BytesAllocatedBy(() =>
        {
            for (var step = 0; step < Steps; step++)
            {
                Step(network, inputs, targets, optimizer);
            }
        });

        Assert.Equal(0, allocated);
    }

    private static void Step(INetwork network, float[] inputs, float[] targets, Optimizer optimizer)
    {
        network.ComputeGradients(inputs, targets);
        optimizer.Step(network.Parameters, network.Gradients);
        Metrics.CountCorrect(network.Accuracy, network.LastOutputs, targets, network.OutputSize);
    }

    // The generated TrainStep is a member of each network class, not of INetwork.
    private static Func<float[], float[], Optimizer, float> TrainStepOf(INetwork network) => network switch
    {
        LeNet5 lenet => (inputs, targets, optimizer) => lenet.TrainStep(inputs, targets, optimizer),
        MnistMlp mlp => (inputs, targets, optimizer) => mlp.TrainStep(inputs, targets, optimizer),
        _ => throw new ArgumentException($"No TrainStep for {network.Name}.", nameof(network)),
    };

    private static INetwork Create(string name)
    {
        INetwork network = name == "LeNet5" ? new LeNet5() : new MnistMlp();
        network.Initialize(seed: 1);
        return network;
    }

    private static (float[] Inputs, float[] Targets) RandomBatch(INetwork network, int seed)
    {
        var inputs = GradientChecker.RandomArray(BatchSize * network.InputSize, seed, 0f, 1f);
        var targets = new float[BatchSize * network.OutputSize];
        var random = new SeededRandom(seed + 1);
        for (var sample = 0; sample < BatchSize; sample++)
        {
            targets[(sample * network.OutputSize) + random.NextInt(network.OutputSize)] = 1f;
        }

        return (inputs, targets);
    }
}

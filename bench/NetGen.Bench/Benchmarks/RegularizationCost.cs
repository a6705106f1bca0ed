using System;
using System.Diagnostics;
using System.Linq;
using NetGen.Bench.Results;
using NetGen.Optimizers;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// What dropout and batch normalisation add to a LeNet-5 training step, two ways:
/// <list type="bullet">
/// <item>NetGen's training step alone (forward, loss, backward, Adam) on one batch of 128, the variants taking turns for
/// several rounds so that a slow minute of the machine falls on all of them, the best round of each kept;</item>
/// <item>the MNIST section's epoch (Adam, batch 128) for LeNet-5 and each variant, on NetGen and on PyTorch.</item>
/// </list>
/// </summary>
internal static class RegularizationCost
{
    public const string Section = "Regularization cost";
    public const string StepSeconds = "training step seconds";

    public static readonly string[] Models = ["lenet", "lenet-dropout", "lenet-batchnorm", "lenet-batchnorm-dropout"];

    public static void Run(BenchContext context, MnistFiles data)
    {
        MeasureSteps(context, data);
        foreach (var model in Models)
        {
            var workload = MnistModels.Workload(model);
            MnistTraining.AddEpochs(context, Section, workload, "NetGen",
                MnistTraining.TrainNetGen(context, data, model, context.Options.Epochs, MnistTraining.BatchSize));
            MnistTraining.AddEpochs(context, Section, workload, "PyTorch",
                MnistTraining.TrainPyTorch(context, data, model, context.Options.Epochs, MnistTraining.BatchSize));
        }
    }

    private static void MeasureSteps(BenchContext context, MnistFiles data)
    {
        var (rounds, steps) = context.Options.Quick ? (2, 20) : (7, 100);
        const int Batch = MnistTraining.BatchSize;
        var inputs = data.Training.InputRows(0, Batch).ToArray();
        var targets = data.Training.TargetRows(0, Batch).ToArray();
        var networks = Models.Select(model =>
        {
            var network = MnistModels.Create(model);
            network.Initialize(context.Options.Seed);
            return (Network: network, Optimizer: new Adam(learningRate: 0.001f), Seconds: new double[rounds]);
        }).ToArray();
        foreach (var (network, optimizer, _) in networks)
        {
            for (var warmUp = 0; warmUp < steps; warmUp++)
            {
                Step(network, optimizer, inputs, targets);
            }
        }

        var clock = new Stopwatch();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (network, optimizer, seconds) in networks)
            {
                clock.Restart();
                for (var step = 0; step < steps; step++)
                {
                    Step(network, optimizer, inputs, targets);
                }

                seconds[round] = clock.Elapsed.TotalSeconds / steps;
            }
        }

        for (var index = 0; index < Models.Length; index++)
        {
            context.Add(Measurement.Single(Section, MnistModels.Workload(Models[index]), "NetGen", StepSeconds, "s", networks[index].Seconds.Min()));
        }
    }

    private static void Step(INetwork network, Optimizer optimizer, float[] inputs, float[] targets)
    {
        network.ComputeGradients(inputs, targets);
        optimizer.Step(network.Parameters, network.Gradients);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NetGen.Bench.Results;
using NetGen.Optimizers;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// Where one training step on one batch goes, NetGen's and PyTorch's (bench/peers/pytorch_mnist.py --step-profile):
/// forward, backward and the Adam update, medians in seconds. What the epoch spends beyond their sum per batch is the
/// loop's own work: gathering the shuffled batch, counting the correct predictions, the progress bookkeeping.
/// </summary>
internal static class StepProfile
{
    public const string ForwardSeconds = "forward seconds per batch";
    public const string BackwardSeconds = "backward seconds per batch";
    public const string UpdateSeconds = "update seconds per batch";

    /// <summary>The training steps PyTorch's profile times (after one that warms up).</summary>
    public static int PeerSteps(BenchOptions options) => options.Quick ? 5 : 20;

    /// <summary>The arguments that make the PyTorch MNIST peer add its step profile.</summary>
    public static string[] PeerArguments(BenchOptions options) => ["--step-profile", PeerSteps(options).ToString(CultureInfo.InvariantCulture)];

    /// <summary>
    /// NetGen's step on the first <paramref name="batchSize"/> training images: forward is <c>Forward</c> on the batch
    /// (inference mode), backward a <c>ComputeGradients</c> (training forward, loss, backward) less that forward, update the
    /// Adam step. Each part is timed over a few steps per round, the parts taking turns for several rounds, after a
    /// warm-up; the median round counts, as the median step does for PyTorch.
    /// </summary>
    public static void MeasureNetGen(BenchContext context, MnistFiles data, string section, string model, int batchSize)
    {
        var (rounds, steps) = context.Options.Quick ? (3, 5) : (9, 10);
        var inputs = data.Training.InputRows(0, batchSize).ToArray();
        var targets = data.Training.TargetRows(0, batchSize).ToArray();
        var outputs = new float[batchSize * data.Training.TargetSize];
        var network = MnistModels.Create(model);
        network.Initialize(context.Options.Seed);
        var optimizer = new Adam(learningRate: 0.001f);
        var forward = new double[rounds];
        var backward = new double[rounds];
        var update = new double[rounds];
        var clock = new Stopwatch();
        for (var warmUp = 0; warmUp < steps; warmUp++)
        {
            network.Forward(inputs, outputs);
            network.ComputeGradients(inputs, targets);
            optimizer.Step(network.Parameters, network.Gradients);
        }

        for (var round = 0; round < rounds; round++)
        {
            forward[round] = Time(() => network.Forward(inputs, outputs));
            backward[round] = Time(() => network.ComputeGradients(inputs, targets)) - forward[round];
            update[round] = Time(() => optimizer.Step(network.Parameters, network.Gradients));
        }

        var workload = MnistModels.Workload(model);
        context.Add(new Measurement(section, workload, "NetGen", ForwardSeconds, "s", forward));
        context.Add(new Measurement(section, workload, "NetGen", BackwardSeconds, "s", backward));
        context.Add(new Measurement(section, workload, "NetGen", UpdateSeconds, "s", update));

        double Time(Action step)
        {
            clock.Restart();
            for (var i = 0; i < steps; i++)
            {
                step();
            }

            return clock.Elapsed.TotalSeconds / steps;
        }
    }

    /// <summary>Records the parts of the PyTorch peer's "mnist-steps" lines under <paramref name="implementation"/>.</summary>
    public static void AddPeer(BenchContext context, string section, string workload, string implementation, IEnumerable<JsonElement> lines)
    {
        foreach (var profile in lines.Where(line => line.GetProperty("benchmark").GetString() == "mnist-steps"))
        {
            context.Add(new Measurement(section, workload, implementation, ForwardSeconds, "s", Seconds(profile, "forward_seconds")));
            context.Add(new Measurement(section, workload, implementation, BackwardSeconds, "s", Seconds(profile, "backward_seconds")));
            context.Add(new Measurement(section, workload, implementation, UpdateSeconds, "s", Seconds(profile, "update_seconds")));
        }
    }

    private static double[] Seconds(JsonElement line, string property)
        => line.GetProperty(property).EnumerateArray().Select(value => value.GetDouble()).ToArray();
}

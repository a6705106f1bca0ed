using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NetGen.Bench.Peers;
using NetGen.Bench.Results;
using NetGen.Optimizers;
using NetGen.Samples.Xor;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// XOR, full batch of 4: the time to train to a mean squared error below 0.01, and the time of a fixed number of
/// steps. NetGen, PyTorch and TorchSharp train the XOR sample's network (2-4-1, tanh and sigmoid, cross-entropy, Adam η = 0.05);
/// NetGen trains it a second time with RPROP (iRPROP−, FANN's algorithm, with FANN's initial step 0.1 and smallest step
/// 0); FANN runs its classic example (2-3-1, symmetric sigmoids, RPROP). All stop by FANN's rule: on the MSE of a
/// step's own forward outputs, computed before its update. Each repeat starts from a fresh network with the next seed.
/// </summary>
internal static class XorTraining
{
    public const string Section = "XOR";
    public const string NetGenRprop = "NetGen RPROP";
    public const string ToTarget = "to MSE < 0.01";
    public const string FirstRun = "to MSE < 0.01, first run in the process";
    public const string Seconds = "seconds";
    public const string Epochs = "epochs";
    public const string Reached = "runs reaching the MSE";
    public const string GradientPart = "seconds in forward, loss and backward";
    public const string UpdatePart = "seconds in the Adam update";
    public const double TargetMse = 0.01;
    private const int MaxEpochs = 5_000;
    private static readonly float[] s_inputs = [0, 0, 0, 1, 1, 0, 1, 1];
    private static readonly float[] s_targets = [0, 1, 1, 0];

    public static string StepsWorkload(int steps) => string.Create(CultureInfo.InvariantCulture, $"{steps:N0} steps");

    public static void Run(BenchContext context)
    {
        var options = context.Options;
        var firstRun = TrainToTarget(options.Seed, Adam);
        context.Add(Measurement.Single(Section, FirstRun, "NetGen", Seconds, "s", firstRun.Seconds));
        WarmUp(options.Seed);
        foreach (var (implementation, optimizer) in new (string, Func<Optimizer>)[] { ("NetGen", Adam), (NetGenRprop, FannRprop) })
        {
            var runs = Enumerable.Range(options.Seed, options.XorRepeats).Select(seed => TrainToTarget(seed, optimizer)).ToArray();
            AddToTarget(context, implementation, runs);
            var stepSeconds = Enumerable.Range(options.Seed, options.XorRepeats).Select(seed => TimeSteps(seed, options.XorSteps, optimizer)).ToArray();
            context.Add(new Measurement(Section, StepsWorkload(options.XorSteps), implementation, Seconds, "s", stepSeconds));
        }

        var (gradientSeconds, updateSeconds) = TimeStepParts(options.Seed, options.XorSteps);
        context.Add(Measurement.Single(Section, StepsWorkload(options.XorSteps), "NetGen", GradientPart, "s", gradientSeconds));
        context.Add(Measurement.Single(Section, StepsWorkload(options.XorSteps), "NetGen", UpdatePart, "s", updateSeconds));

        string[] arguments =
        [
            "--repeats", options.XorRepeats.ToString(CultureInfo.InvariantCulture),
            "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
            "--steps", options.XorSteps.ToString(CultureInfo.InvariantCulture),
        ];
        AddPeerRuns(context, "PyTorch", context.RunPythonPeer(
            "PyTorch", "torch", "python3-torch", "pytorch_xor.py", [.. arguments, "--threads", options.Threads.ToString(CultureInfo.InvariantCulture)]));

        AddPeerRuns(context, BenchContext.TorchSharp, context.RunTorchSharpPeer(
            "xor", [.. arguments, "--threads", options.Threads.ToString(CultureInfo.InvariantCulture)]));

        if (FannBuild.TryBuild(context.Peers, out var reason) is { } fann)
        {
            AddPeerRuns(context, "FANN", context.RunPeer("FANN", "fann_xor.c", fann, [.. arguments, "--desired-error", "0.01"]));
        }
        else
        {
            context.NotRun("FANN", "fann_xor.c", reason);
        }
    }

    // .NET compiles a method quickly at first and again, optimized, once it has run a while; the timed runs measure
    // the optimized code, the steady state of a training process. The first run above shows the cost of getting there.
    private static void WarmUp(int seed)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 1)
        {
            TrainToTarget(seed, Adam);
            TimeSteps(seed, 100, Adam);
            TrainToTarget(seed, FannRprop);
            TimeSteps(seed, 100, FannRprop);
        }
    }

    private static (int Epochs, double Seconds, bool Reached) TrainToTarget(int seed, Func<Optimizer> createOptimizer)
    {
        var (network, optimizer) = FreshNetwork(seed, createOptimizer);
        var epochs = 0;
        var meanSquaredError = double.MaxValue;
        var clock = Stopwatch.StartNew();
        while (epochs < MaxEpochs && meanSquaredError >= TargetMse)
        {
            network.TrainStep(s_inputs, s_targets, optimizer);
            meanSquaredError = MeanSquaredError(network.LastOutputs);
            epochs++;
        }

        return (epochs, clock.Elapsed.TotalSeconds, meanSquaredError < TargetMse);
    }

    private static double TimeSteps(int seed, int steps, Func<Optimizer> createOptimizer)
    {
        var (network, optimizer) = FreshNetwork(seed, createOptimizer);
        for (var step = 0; step < 10; step++)
        {
            network.TrainStep(s_inputs, s_targets, optimizer);
        }

        var clock = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            network.TrainStep(s_inputs, s_targets, optimizer);
        }

        return clock.Elapsed.TotalSeconds;
    }

    // Where a step's time goes: the same steps (Adam's), their two halves timed apart.
    private static (double Gradients, double Update) TimeStepParts(int seed, int steps)
    {
        var (network, optimizer) = FreshNetwork(seed, Adam);
        long gradientTicks = 0, updateTicks = 0;
        for (var step = 0; step < steps; step++)
        {
            var start = Stopwatch.GetTimestamp();
            network.ComputeGradients(s_inputs, s_targets);
            var middle = Stopwatch.GetTimestamp();
            optimizer.Step(network.Parameters, network.Gradients);
            var end = Stopwatch.GetTimestamp();
            gradientTicks += middle - start;
            updateTicks += end - middle;
        }

        return ((double)gradientTicks / Stopwatch.Frequency, (double)updateTicks / Stopwatch.Frequency);
    }

    // The XOR sample's optimizer.
    private static Optimizer Adam() => new Adam(learningRate: 0.05f);

    // iRPROP− with FANN's defaults: Δ0 = 0.1 (rprop_delta_zero) and Δmin = 0; η+ 1.2, η− 0.5 and Δmax 50 are NetGen's too.
    private static Optimizer FannRprop() => new Rprop(learningRate: 0.1f, minStepSize: 0f);

    // The XOR sample's network.
    private static (XorNet Network, Optimizer Optimizer) FreshNetwork(int seed, Func<Optimizer> createOptimizer)
    {
        var network = new XorNet();
        network.Initialize(seed);
        return (network, createOptimizer());
    }

    private static double MeanSquaredError(ReadOnlySpan<float> outputs)
    {
        var sum = 0.0;
        for (var i = 0; i < outputs.Length; i++)
        {
            sum += (outputs[i] - s_targets[i]) * (outputs[i] - s_targets[i]);
        }

        return sum / outputs.Length;
    }

    private static void AddPeerRuns(BenchContext context, string peer, IReadOnlyList<JsonElement> lines)
    {
        var toTarget = lines.Where(l => l.GetProperty("run").GetString() == "to_mse")
            .Select(l => (l.GetProperty("epochs").GetInt32(), l.GetProperty("seconds").GetDouble(), l.GetProperty("reached").GetBoolean()))
            .ToArray();
        if (toTarget.Length > 0)
        {
            AddToTarget(context, peer, toTarget);
        }

        var steps = lines.Where(l => l.GetProperty("run").GetString() == "steps").ToArray();
        if (steps.Length > 0)
        {
            var count = steps[0].GetProperty("steps").GetInt32();
            context.Add(new Measurement(Section, StepsWorkload(count), peer, Seconds, "s", steps.Select(l => l.GetProperty("seconds").GetDouble()).ToArray()));
        }
    }

    private static void AddToTarget(BenchContext context, string implementation, (int Epochs, double Seconds, bool Reached)[] runs)
    {
        context.Add(new Measurement(Section, ToTarget, implementation, Seconds, "s", runs.Select(r => r.Seconds).ToArray()));
        context.Add(new Measurement(Section, ToTarget, implementation, Epochs, "", runs.Select(r => (double)r.Epochs).ToArray()));
        context.Add(Measurement.Single(Section, ToTarget, implementation, Reached, $"of {runs.Length}", runs.Count(r => r.Reached)));
    }
}

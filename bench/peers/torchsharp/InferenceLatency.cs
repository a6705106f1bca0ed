using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using NetGen.Bench.Benchmarks;
using static TorchSharp.torch;

namespace NetGen.Bench.TorchSharpPeer;

/// <summary>
/// Single-sample inference as bench/peers/pytorch_latency.py times it: NetGen's MNIST MLP or LeNet-5 initialized as
/// NetGen does, <c>eval()</c>, then <c>softmax(model.forward(x), 1)</c> under <c>inference_mode()</c> on one input
/// tensor made once (784 pixels in [0, 1) from the harness's 32-bit LCG). At least the warm-up's seconds of untimed
/// calls, then every call timed alone with <see cref="Stopwatch.GetTimestamp"/>. Each call runs in a dispose scope, as
/// TorchSharp code must to free its intermediate tensors at once rather than at the garbage collector's pace.
/// </summary>
internal sealed class InferenceLatency(Arguments arguments, int seed) : IWorkload
{
    public static readonly string[] Options = ["--model", "--calls", "--warm-up"];
    public static readonly string[] Flags = ["--quick"];

    private readonly string _model = arguments.Choice("--model", "all", [.. Models.Names, "all"]);
    private readonly int? _calls = arguments.OptionalPositive("--calls");
    private readonly double _warmUp = arguments.NonNegative("--warm-up", 1);
    private readonly bool _quick = arguments.Has("--quick");

    public IEnumerable<KeyValuePair<string, object?>> About => [new("benchmark", "latency")];

    public void Run()
    {
        var timer = LatencyProbe.TimerSeconds();
        foreach (var model in _model == "all" ? Models.Names : [_model])
        {
            var calls = _calls ?? (model, _quick) switch
            {
                ("mlp", false) => 20_000,
                ("lenet", false) => 5_000,
                ("mlp", true) => 1_000,
                _ => 300,
            };
            var seconds = TimeCalls(model, calls);
            var ordered = seconds.Order().ToArray();
            Output.Progress($"{model}: {calls} calls, p50 {ordered[ordered.Length / 2] * 1e6:0.0} us, "
                + $"p99 {ordered[Math.Min(ordered.Length - 1, (int)(0.99 * ordered.Length))] * 1e6:0.0} us, mean {seconds.Average() * 1e6:0.0} us (timer {timer * 1e9:0} ns)");
            Output.Emit(new Dictionary<string, object?>
            {
                ["peer"] = Output.Peer, ["benchmark"] = "latency", ["model"] = model, ["calls"] = calls, ["seed"] = seed,
                ["timer_seconds"] = timer, ["seconds"] = seconds,
            });
        }
    }

    private double[] TimeCalls(string name, int calls)
    {
        manual_seed(seed);
        using var model = Models.Create(name);
        model.eval();
        using var sample = tensor(LatencyProbe.Sample(seed), Models.SampleShape(name));
        var ticks = new long[calls];
        using (inference_mode())
        {
            var warmUp = Stopwatch.GetTimestamp();
            do
            {
                Predict(model, sample);
            }
            while (Stopwatch.GetElapsedTime(warmUp).TotalSeconds < _warmUp);

            TimedCalls(model, sample, ticks);
        }

        return ticks.Select(t => (double)t / Stopwatch.Frequency).ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TimedCalls(nn.Module<Tensor, Tensor> model, Tensor sample, long[] ticks)
    {
        for (var call = 0; call < ticks.Length; call++)
        {
            var start = Stopwatch.GetTimestamp();
            Predict(model, sample);
            ticks[call] = Stopwatch.GetTimestamp() - start;
        }
    }

    private static void Predict(nn.Module<Tensor, Tensor> model, Tensor sample)
    {
        using var scope = NewDisposeScope();
        var probabilities = softmax(model.forward(sample), 1);
        if (probabilities.shape[1] != 10)
        {
            throw new InvalidOperationException("The model did not give 10 class probabilities.");
        }
    }
}

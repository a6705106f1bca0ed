using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NetGen.Bench.Results;
using NetGen.Samples.Mnist;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// Single-sample inference latency: the MNIST sample's MLP (784-128-10) and LeNet-5, each a fresh network initialized
/// with the run's seed, asked for the class probabilities of one sample at a time. NetGen calls the generated
/// <c>Predict(ReadOnlySpan&lt;float&gt; samples, Span&lt;float&gt; predictions)</c> with one sample and a preallocated
/// output; PyTorch (bench/peers/pytorch_latency.py) and TorchSharp (bench/peers/torchsharp, workload latency) call
/// <c>softmax(model(x))</c> under <c>torch.inference_mode()</c>; ONNX Runtime runs NetGen's ONNX export of the same
/// network, in process (<see cref="OnnxRuntimeSession"/>).
/// Both sides warm up for at least a second, then time every call alone; the section reports the 50th and 99th
/// percentiles and the mean.
/// </summary>
/// <remarks>
/// The sample is the same 784 pixels on both sides, pseudo-random in [0, 1) (see <see cref="LatencyProbe.Sample"/>), so the section
/// runs without the MNIST files: neither side's kernels look at the values (no sparse or zero-skipping paths), so a
/// digit would be timed alike. One sample is one thread for NetGen whatever <c>CpuThreads.Max</c> is: convolutions are
/// split by sample and matrix products only above 2¹⁸ multiply-adds (the MLP's hidden layer is 100,352).
/// </remarks>
internal static class InferenceLatency
{
    public const string Section = "Inference latency";
    public const string P50 = "p50 microseconds";
    public const string P99 = "p99 microseconds";
    public const string Mean = "mean microseconds";
    public const string Calls = "calls";
    public const string Timer = "timer microseconds";
    public const string Allocated = "bytes allocated per call";
    public const string Microseconds = "µs";
    public const double WarmUpSeconds = 1;
    public const string OnnxRuntime = "ONNX Runtime";

    public static readonly string[] Models = ["mlp", "lenet"];

    public static void Run(BenchContext context)
    {
        var options = context.Options;
        var sample = LatencyProbe.Sample(options.Seed);
        foreach (var model in Models)
        {
            var calls = options.LatencyCalls(model);
            var (seconds, allocated) = model switch
            {
                "mlp" => TimeCalls(new MlpPredictor(Fresh<MnistMlp>(options.Seed)), sample, calls),
                "lenet" => TimeCalls(new LeNetPredictor(Fresh<LeNet5>(options.Seed)), sample, calls),
                _ => throw new InvalidOperationException($"No latency benchmark for the model '{model}'."),
            };
            AddCalls(context, model, "NetGen", seconds, LatencyProbe.TimerSeconds());
            context.Add(Measurement.Single(Section, MnistModels.Workload(model), "NetGen", Allocated, "B", (double)allocated / calls));
        }

        foreach (var model in Models)
        {
            string[] arguments =
            [
                "--model", model,
                "--calls", options.LatencyCalls(model).ToString(CultureInfo.InvariantCulture),
                "--warm-up", WarmUpSeconds.ToString(CultureInfo.InvariantCulture),
                "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
                "--threads", options.Threads.ToString(CultureInfo.InvariantCulture),
            ];
            AddPeerCalls(context, model, "PyTorch", context.RunPythonPeer("PyTorch", "torch", "python3-torch", "pytorch_latency.py", arguments));
            AddPeerCalls(context, model, BenchContext.TorchSharp, context.RunTorchSharpPeer("latency", arguments));
        }

        RunOnnxRuntime(context, sample);
    }

    // In process: NetGen's own ONNX export of the same fresh network, run by ONNX Runtime and timed by the same loop.
    private static void RunOnnxRuntime(BenchContext context, float[] sample)
    {
        var options = context.Options;
        foreach (var model in Models)
        {
            using var session = new OnnxRuntimeSession(model == "mlp" ? Fresh<MnistMlp>(options.Seed) : Fresh<LeNet5>(options.Seed), options.Threads);
            var (seconds, _) = TimeCalls(new OnnxRuntimePredictor(session), sample, options.LatencyCalls(model));
            AddCalls(context, model, OnnxRuntime, seconds, LatencyProbe.TimerSeconds());
        }
    }

    private static void AddPeerCalls(BenchContext context, string model, string peer, IEnumerable<JsonElement> lines)
    {
        foreach (var line in lines)
        {
            var seconds = line.GetProperty("seconds").EnumerateArray().Select(value => value.GetDouble()).ToArray();
            AddCalls(context, line.GetProperty("model").GetString() ?? model, peer, seconds, line.GetProperty("timer_seconds").GetDouble());
        }
    }

    private static TNetwork Fresh<TNetwork>(int seed)
        where TNetwork : INetwork, new()
    {
        var network = new TNetwork();
        network.Initialize(seed);
        return network;
    }

    // One prediction; a struct so that the timing loop is compiled for each network and calls Predict directly.
    private interface IPredictor
    {
        void Predict(ReadOnlySpan<float> sample, Span<float> prediction);
    }

    private readonly struct MlpPredictor(MnistMlp network) : IPredictor
    {
        public void Predict(ReadOnlySpan<float> sample, Span<float> prediction) => network.Predict(sample, prediction);
    }

    private readonly struct LeNetPredictor(LeNet5 network) : IPredictor
    {
        public void Predict(ReadOnlySpan<float> sample, Span<float> prediction) => network.Predict(sample, prediction);
    }

    private readonly struct OnnxRuntimePredictor(OnnxRuntimeSession session) : IPredictor
    {
        public void Predict(ReadOnlySpan<float> sample, Span<float> prediction) => session.Predict(sample, prediction);
    }

    // At least a second of untimed calls, as XorTraining warms up: .NET compiles Predict quickly at first and again,
    // optimized, once it has run a while, and the timed calls measure the optimized code. Then each call timed alone;
    // the timer's own cost (TimerSeconds) is in every figure, on both sides. Also the bytes the timed calls allocated.
    private static (double[] Seconds, long Allocated) TimeCalls<TPredictor>(TPredictor predictor, float[] sample, int calls)
        where TPredictor : struct, IPredictor
    {
        var prediction = new float[MnistMlp.OutputSize];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < WarmUpSeconds)
        {
            predictor.Predict(sample, prediction);
        }

        var ticks = new long[calls];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        TimedCalls(predictor, sample, prediction, ticks);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return (ticks.Select(t => (double)t / Stopwatch.Frequency).ToArray(), allocated);
    }

    // Compiled optimized at once: the loop runs only once, so it would otherwise start unoptimized and be replaced midway.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TimedCalls<TPredictor>(TPredictor predictor, float[] sample, float[] prediction, long[] ticks)
        where TPredictor : struct, IPredictor
    {
        for (var call = 0; call < ticks.Length; call++)
        {
            var start = Stopwatch.GetTimestamp();
            predictor.Predict(sample, prediction);
            ticks[call] = Stopwatch.GetTimestamp() - start;
        }
    }

    private static void AddCalls(BenchContext context, string model, string implementation, IReadOnlyList<double> seconds, double timerSeconds)
    {
        if (seconds.Count == 0)
        {
            return;
        }

        var workload = MnistModels.Workload(model);
        context.Add(Measurement.Single(Section, workload, implementation, P50, Microseconds, Measurement.Percentile(seconds, 0.50) * 1e6));
        context.Add(Measurement.Single(Section, workload, implementation, P99, Microseconds, Measurement.Percentile(seconds, 0.99) * 1e6));
        context.Add(Measurement.Single(Section, workload, implementation, Mean, Microseconds, seconds.Average() * 1e6));
        context.Add(Measurement.Single(Section, workload, implementation, Calls, "", seconds.Count));
        context.Add(Measurement.Single(Section, workload, implementation, Timer, Microseconds, timerSeconds * 1e6));
    }
}

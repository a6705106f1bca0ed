using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// What the inference-latency benchmark shares with its .NET peer (this file is also compiled into
/// bench/peers/torchsharp): the sample every side predicts, and the cost of the timer itself.
/// </summary>
internal static class LatencyProbe
{
    /// <summary>The pixels of one MNIST image.</summary>
    public const int Pixels = 784;

    private const int TimerReads = 10_000;

    /// <summary>
    /// The sample every side predicts: x ← 1664525·x + 1013904223 mod 2³² from x = seed, each pixel the top 24 bits of x
    /// over 2²⁴ (exact in float32). bench/peers/pytorch_latency.py makes the same pixels.
    /// </summary>
    public static float[] Sample(int seed)
    {
        var pixels = new float[Pixels];
        var state = unchecked((uint)seed);
        for (var i = 0; i < pixels.Length; i++)
        {
            state = unchecked((1664525u * state) + 1013904223u);
            pixels[i] = (state >> 8) / 16777216f;
        }

        return pixels;
    }

    /// <summary>The median of back-to-back <see cref="Stopwatch.GetTimestamp"/> readings, in seconds: what the timer adds to each call's figure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double TimerSeconds()
    {
        var gaps = new long[TimerReads];
        for (var i = 0; i < gaps.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            gaps[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(gaps);
        return (double)gaps[gaps.Length / 2] / Stopwatch.Frequency;
    }
}

using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading;
using NetGen.Bench.Results;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// The machine's float32 multiply-add throughput with the run's instruction set and thread count: every thread runs
/// chains of fused multiply-adds on 14 independent vector accumulators (enough to cover the FMA units' latency), Vector512
/// with AVX-512 and Vector256 otherwise, all threads started together; the best of several runs of about 0.2 s. The
/// ceiling the matrix products are measured against.
/// </summary>
internal static class FmaPeak
{
    public const string Section = "FMA peak";
    public const string Metric = "GFLOP/s";
    public const string Implementation = "FMA loop";
    private const int Accumulators = 14;
    private const double RunSeconds = 0.2;

    // Vector512 FMAs where .NET accelerates them (not with --isa avx2), else Vector256.
    private static bool Wide => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    public static string Workload(int threads)
        => string.Create(CultureInfo.InvariantCulture, $"float32 FMA, {(Wide ? "Vector512" : "Vector256")}, {threads} threads");

    /// <summary>Measures the peak, adds it to the results and returns it in GFLOP/s.</summary>
    public static double Run(BenchContext context)
    {
        var threads = context.Options.Threads;
        if (!Wide && !Fma.IsSupported)
        {
            Console.WriteLine("  not measured: the loop needs x86 FMA (AVX2) or AVX-512");
            return double.NaN;
        }

        var runs = context.Options.Quick ? 3 : 7;
        // Calibrate the loop count to about RunSeconds per thread, then keep the best of the runs.
        var iterations = 100_000L;
        var seconds = Measure(threads, iterations);
        iterations = Math.Max(iterations, (long)(iterations * RunSeconds / seconds));
        double Best() => Enumerable.Range(0, runs).Max(_ => Flops(threads, iterations) / Measure(threads, iterations) / 1e9);

        // The ceiling is the machine's, not what a core still busy with the build leaves.
        var gigaflops = SettledMeasurement.Of(Best, figure: value => value, keep: Math.Max);
        context.Add(Measurement.Single(Section, Workload(threads), Implementation, Metric, Metric, gigaflops));
        return gigaflops;
    }

    /// <summary>The measured peak in GFLOP/s, or NaN when it was not measured.</summary>
    public static double Peak(ResultSet results)
        => results.Measurements.FirstOrDefault(m => m.Section == Section)?.Median ?? double.NaN;

    // Two floating-point operations per lane per multiply-add.
    private static double Flops(int threads, long iterations)
        => 2.0 * threads * iterations * Accumulators * (Wide ? Vector512<float>.Count : Vector256<float>.Count);

    // The seconds from the common start to the last thread's end.
    private static double Measure(int threads, long iterations)
    {
        using var start = new Barrier(threads + 1);
        var sink = new float[threads];
        var workers = Enumerable.Range(0, threads).Select(index => new Thread(() =>
        {
            start.SignalAndWait();
            sink[index] = Wide ? Chains512(iterations) : Chains256(iterations);
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        start.SignalAndWait();
        var clock = Stopwatch.StartNew();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        GC.KeepAlive(sink);
        return elapsed;
    }

    // acc ← acc·a + b converges to b / (1 − a) = 1: no overflow, no denormals, and the result is used.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Chains512(long iterations)
    {
        var a = Vector512.Create(0.999f);
        var b = Vector512.Create(0.001f);
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default;
        Vector512<float> c7 = default, c8 = default, c9 = default, c10 = default, c11 = default, c12 = default, c13 = default;
        for (var i = 0L; i < iterations; i++)
        {
            c0 = Avx512F.FusedMultiplyAdd(c0, a, b);
            c1 = Avx512F.FusedMultiplyAdd(c1, a, b);
            c2 = Avx512F.FusedMultiplyAdd(c2, a, b);
            c3 = Avx512F.FusedMultiplyAdd(c3, a, b);
            c4 = Avx512F.FusedMultiplyAdd(c4, a, b);
            c5 = Avx512F.FusedMultiplyAdd(c5, a, b);
            c6 = Avx512F.FusedMultiplyAdd(c6, a, b);
            c7 = Avx512F.FusedMultiplyAdd(c7, a, b);
            c8 = Avx512F.FusedMultiplyAdd(c8, a, b);
            c9 = Avx512F.FusedMultiplyAdd(c9, a, b);
            c10 = Avx512F.FusedMultiplyAdd(c10, a, b);
            c11 = Avx512F.FusedMultiplyAdd(c11, a, b);
            c12 = Avx512F.FusedMultiplyAdd(c12, a, b);
            c13 = Avx512F.FusedMultiplyAdd(c13, a, b);
        }

        return Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11 + c12 + c13);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Chains256(long iterations)
    {
        var a = Vector256.Create(0.999f);
        var b = Vector256.Create(0.001f);
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default;
        Vector256<float> c7 = default, c8 = default, c9 = default, c10 = default, c11 = default, c12 = default, c13 = default;
        for (var i = 0L; i < iterations; i++)
        {
            c0 = Fma.MultiplyAdd(c0, a, b);
            c1 = Fma.MultiplyAdd(c1, a, b);
            c2 = Fma.MultiplyAdd(c2, a, b);
            c3 = Fma.MultiplyAdd(c3, a, b);
            c4 = Fma.MultiplyAdd(c4, a, b);
            c5 = Fma.MultiplyAdd(c5, a, b);
            c6 = Fma.MultiplyAdd(c6, a, b);
            c7 = Fma.MultiplyAdd(c7, a, b);
            c8 = Fma.MultiplyAdd(c8, a, b);
            c9 = Fma.MultiplyAdd(c9, a, b);
            c10 = Fma.MultiplyAdd(c10, a, b);
            c11 = Fma.MultiplyAdd(c11, a, b);
            c12 = Fma.MultiplyAdd(c12, a, b);
            c13 = Fma.MultiplyAdd(c13, a, b);
        }

        return Vector256.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11 + c12 + c13);
    }
}

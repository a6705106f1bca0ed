using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NetGen.Bench.Results;
using NetGen.Cpu;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// Square float32 products C = A·B, all row-major: NetGen's <see cref="MatrixMultiply.Multiply"/> against NumPy's
/// PyTorch's and TorchSharp's matmul into a preallocated C. Warm-up products per size, then the timed repeats.
/// </summary>
internal static class MatrixProducts
{
    public const string Section = "Matrix product";
    public const string Metric = "seconds";

    public static string Workload(int size) => string.Create(CultureInfo.InvariantCulture, $"{size}×{size}×{size}");

    public static void Run(BenchContext context)
    {
        var options = context.Options;
        foreach (var size in options.MatrixSizes)
        {
            var a = RandomMatrix(size, seed: 1);
            var b = RandomMatrix(size, seed: 2);
            var c = new float[size * size];
            // At least two warm-up products (a thread's first product of a shape runs alone, sizing its packing
            // buffers) and half a second; then rounds of the timed repeats until their medians settle.
            var warmUp = Stopwatch.StartNew();
            for (var product = 0; product < 2 || warmUp.Elapsed.TotalSeconds < 0.5; product++)
            {
                MatrixMultiply.Multiply(a, b, c, size, size, size);
            }

            var seconds = SettledMeasurement.Of(
                () => TimeRepeats(a, b, c, size, options.MatrixRepeats), figure: Measurement.MedianOf, keep: (_, last) => last);
            context.Add(new Measurement(Section, Workload(size), "NetGen", Metric, "s", seconds));
        }

        string[] arguments =
        [
            "--sizes", string.Join(',', options.MatrixSizes),
            "--repeats", options.MatrixRepeats.ToString(CultureInfo.InvariantCulture),
            "--threads", options.Threads.ToString(CultureInfo.InvariantCulture),
        ];
        AddPeer(context, "NumPy", context.RunPythonPeer("NumPy", "numpy", "python3-numpy", "matmul.py", ["--library", "numpy", .. arguments]));
        AddPeer(context, "PyTorch", context.RunPythonPeer("PyTorch", "torch", "python3-torch", "matmul.py", ["--library", "torch", .. arguments]));
        AddPeer(context, BenchContext.TorchSharp, context.RunTorchSharpPeer("matmul", arguments));
        var peak = FmaPeak.Peak(context.Results);
        foreach (var size in options.MatrixSizes)
        {
            foreach (var implementation in Implementations)
            {
                var gigaflops = Throughput(context.Results, size, implementation);
                if (!double.IsNaN(gigaflops))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {implementation,-10} {Workload(size),-22} {gigaflops,7:0.0} GFLOP/s, {gigaflops / peak,4:0%} of the FMA peak ({peak:0} GFLOP/s)"));
                }
            }
        }
    }

    /// <summary>The implementations of this section, NetGen first; the others are its peers.</summary>
    public static readonly string[] Implementations = ["NetGen", "NumPy", "PyTorch", BenchContext.TorchSharp];

    /// <summary>GFLOP/s of the median product: 2n³ / seconds. NaN where the implementation did not run.</summary>
    public static double Throughput(ResultSet results, int size, string implementation)
        => 2.0 * size * size * size / results.Median(Section, Workload(size), implementation, Metric) / 1e9;

    private static void AddPeer(BenchContext context, string peer, IEnumerable<JsonElement> lines)
    {
        foreach (var line in lines)
        {
            var size = line.GetProperty("size").GetInt32();
            var seconds = line.GetProperty("seconds").EnumerateArray().Select(s => s.GetDouble()).ToArray();
            context.Add(new Measurement(Section, Workload(size), peer, Metric, "s", seconds));
        }
    }

    private static double[] TimeRepeats(float[] a, float[] b, float[] c, int size, int repeats)
    {
        var seconds = new double[repeats];
        for (var repeat = 0; repeat < seconds.Length; repeat++)
        {
            var clock = Stopwatch.StartNew();
            MatrixMultiply.Multiply(a, b, c, size, size, size);
            seconds[repeat] = clock.Elapsed.TotalSeconds;
        }

        return seconds;
    }

    private static float[] RandomMatrix(int size, int seed)
    {
        var random = new System.Random(seed);
        var matrix = new float[size * size];
        for (var i = 0; i < matrix.Length; i++)
        {
            matrix[i] = random.NextSingle() * 2 - 1;
        }

        return matrix;
    }
}

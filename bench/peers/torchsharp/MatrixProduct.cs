using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Bench.TorchSharpPeer;

/// <summary>
/// float32 square products into a preallocated result, as bench/peers/matmul.py times <c>torch.matmul(a, b, out=c)</c>:
/// per size one warm-up product, then the timed ones. TorchSharp has no <c>out</c> argument for matmul; <c>c.addmm_(a, b,
/// beta: 0, alpha: 1)</c> is the same call inside libtorch (<c>mm_out</c> is <c>addmm</c> into the result with β = 0).
/// </summary>
internal sealed class MatrixProduct(Arguments arguments, int seed) : IWorkload
{
    public static readonly string[] Options = ["--sizes", "--repeats"];

    private readonly IReadOnlyList<int> _sizes = arguments.PositiveList("--sizes", [1024, 2048, 4096]);
    private readonly int _repeats = arguments.Positive("--repeats", 5);

    public IEnumerable<KeyValuePair<string, object?>> About => [new("benchmark", "matmul")];

    public void Run()
    {
        foreach (var size in _sizes)
        {
            manual_seed(seed);
            using var a = rand(size, size, ScalarType.Float32);
            using var b = rand(size, size, ScalarType.Float32);
            using var c = empty(size, size, ScalarType.Float32);
            c.addmm_(a, b, 0, 1);
            var seconds = new double[_repeats];
            for (var repeat = 0; repeat < seconds.Length; repeat++)
            {
                var start = Stopwatch.GetTimestamp();
                c.addmm_(a, b, 0, 1);
                seconds[repeat] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }

            var best = seconds.Min();
            Output.Progress($"torchsharp {size}: best {best * 1e3:0.00} ms, {2.0 * size * size * size / best / 1e9:0.0} GFLOP/s");
            Output.Emit(new Dictionary<string, object?>
            {
                ["peer"] = Output.Peer, ["benchmark"] = "matmul", ["size"] = size, ["seconds"] = seconds,
            });
        }
    }
}

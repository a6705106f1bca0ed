using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using NetGen.Bench.TorchSharpPeer;
using static TorchSharp.torch;

// The TorchSharp peer: NetGen's benchmark workloads with TorchSharp, .NET's binding of libtorch, as a .NET developer
// would write them. Standard output carries only JSON result lines (an "about" line first); progress goes to standard
// error; bad arguments or missing data exit with code 2. Protocol and workloads: bench/peers/README.md.

const string Usage = """
    Usage: torchsharp_peer WORKLOAD [--threads 2] [--seed 1] [options]
      matmul   [--sizes 1024,2048,4096] [--repeats 5]
      mnist    --model mlp|lenet [--epochs 3] [--batch-size 128] [--lr 0.001] [--limit N] [--data-dir data/mnist] [--json]
      xor      [--repeats 5] [--steps 10000] [--max-epochs 5000]
      latency  [--model mlp|lenet|all] [--calls N] [--warm-up 1] [--quick]
    """;

IWorkload workload;
int threads, seed;
try
{
    if (args.Length == 0 || args[0] is "-h" or "--help")
    {
        throw new UsageException("No workload given.");
    }

    string[] common = ["--threads", "--seed"];
    Arguments Parse(string[] options, params string[] flags) => Arguments.Parse(args[1..], [.. common, .. options], flags);
    var arguments = args[0] switch
    {
        "matmul" => Parse(MatrixProduct.Options),
        "mnist" => Parse(MnistTraining.Options, MnistTraining.Flags),
        "xor" => Parse(XorTraining.Options),
        "latency" => Parse(InferenceLatency.Options, InferenceLatency.Flags),
        _ => throw new UsageException($"Unknown workload '{args[0]}'."),
    };
    threads = arguments.Positive("--threads", 2);
    seed = arguments.Integer("--seed", 1);
    workload = args[0] switch
    {
        "matmul" => new MatrixProduct(arguments, seed),
        "mnist" => new MnistTraining(arguments, seed),
        "xor" => new XorTraining(arguments, seed),
        _ => new InferenceLatency(arguments, seed),
    };
}
catch (UsageException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

// OpenMP and oneMKL read their thread counts when libtorch loads: set them first, unless the caller has (as the
// Python peers do). The process's native environment, not .NET's copy of it, is what they read.
var count = threads.ToString(CultureInfo.InvariantCulture);
foreach (var variable in (string[])["OMP_NUM_THREADS", "MKL_NUM_THREADS"])
{
    NativeEnvironment.SetDefault(variable, count);
}

try
{
    set_num_threads(threads);
}
catch (Exception error) when (error is NotSupportedException or DllNotFoundException or TypeInitializationException)
{
    Console.Error.WriteLine($"TorchSharp could not load libtorch: {error.GetBaseException().Message}");
    Console.Error.WriteLine("On Debian 12, libLibTorchSharp.so needs GLIBCXX_3.4.32; the benchmark harness marks that requirement weak in its build (bench/peers/README.md).");
    return 1;
}

var about = new Dictionary<string, object?>
{
    ["peer"] = Output.Peer,
    ["about"] = true,
    ["version"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3),
    ["libtorch"] = __version__,
    ["threads"] = threads,
    ["torch_threads"] = get_num_threads(),
    ["cpu_capability"] = LibTorchInfo.CpuCapability(),
    ["dotnet"] = RuntimeInformation.FrameworkDescription,
};
foreach (var (key, value) in LibTorchInfo.Libraries())
{
    about[key] = value;
}

foreach (var variable in (string[])["OMP_NUM_THREADS", "MKL_NUM_THREADS", "ATEN_CPU_CAPABILITY", "MKL_ENABLE_INSTRUCTIONS", "DNNL_MAX_CPU_ISA"])
{
    if (Environment.GetEnvironmentVariable(variable) is { } value)
    {
        about[variable.ToLowerInvariant()] = value;
    }
}

foreach (var (key, value) in workload.About)
{
    about[key] = value;
}

about["seed"] = seed;
Output.Emit(about);
workload.Run();
return 0;

namespace NetGen.Bench.TorchSharpPeer
{
    /// <summary>One of the peer's workloads, its arguments already read and checked.</summary>
    internal interface IWorkload
    {
        /// <summary>Settings for the about line.</summary>
        IEnumerable<KeyValuePair<string, object?>> About { get; }

        void Run();
    }
}

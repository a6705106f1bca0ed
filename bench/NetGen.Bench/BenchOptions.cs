using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Bench;

/// <summary>The harness's command line.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: dotnet run --project bench/NetGen.Bench -c Release -- [options]
          --threads N      threads for NetGen and every peer (default: all cores)
          --isa avx512|avx2  the vector instructions for NetGen and every peer (default: the best this machine has); avx2 on an
                           AVX-512 machine reruns the harness with DOTNET_EnableAVX512=0 and gives the peers AVX2 kernels
          --only LIST      sections to run, comma-separated: matmul,mnist,xor,sweep,regcost,regularized,lstm,latency (default: all)
          --epochs N       MNIST epochs per model (default 3)
          --data-dir DIR   the MNIST files (default: data/mnist, or NETGEN_MNIST_DIR)
          --output DIR     where benchmarks-ISA.md and benchmarks-ISA.csv go (default: docs for a full run, which also rewrites
                           docs/benchmarks.md as the index of the runs per ISA; bench/out with --quick or --only)
          --quick          small sizes and few repeats, to check the harness itself; not for the record
        """;

    public static readonly string[] InstructionSets = ["avx512", "avx2"];

    public static readonly string[] AllSections = ["matmul", "mnist", "xor", "sweep", "regcost", "regularized", "lstm", "latency"];

    public int Threads { get; init; } = Environment.ProcessorCount;

    public IReadOnlySet<string> Sections { get; init; } = AllSections.ToHashSet();

    public int Epochs { get; init; } = 3;

    public string? DataDirectory { get; init; }

    public string? OutputDirectory { get; init; }

    public bool Quick { get; init; }

    /// <summary>"avx512" or "avx2" as given with --isa; null for the best the machine has.</summary>
    public string? Isa { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>The arguments as given, for the report's "produced by" line.</summary>
    public string Arguments { get; init; } = "";

    public IReadOnlyList<int> MatrixSizes => Quick ? [256, 512] : [1024, 2048, 4096];

    public int MatrixRepeats => Quick ? 2 : 5;

    /// <summary>Training images used; null for all 60,000.</summary>
    public int? TrainingLimit => Quick ? 6_000 : null;

    /// <summary>Seed 000's batch sizes (5000 … 1), and 128, the batch of the other MNIST rows.</summary>
    public IReadOnlyList<int> SweepBatchSizes => Quick ? [10, 128, 1000] : [1, 2, 5, 10, 20, 50, 100, 128, 256, 500, 1000, 2000, 5000];

    /// <summary>Epochs of the regularized MNIST model, which trains to its best accuracy.</summary>
    public int RegularizedEpochs => Quick ? 1 : 10;

    /// <summary>Epochs of the row-by-row LSTM: one pass over the training set is the workload.</summary>
    public int LstmEpochs => 1;

    public int XorRepeats => Quick ? 3 : 20;

    public int XorSteps => Quick ? 1_000 : 10_000;

    /// <summary>Single-sample predictions timed per model, each call alone.</summary>
    public int LatencyCalls(string model) => model switch
    {
        "mlp" => Quick ? 1_000 : 20_000,
        "lenet" => Quick ? 300 : 5_000,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "No latency benchmark for this model."),
    };

    /// <exception cref="ArgumentException">An option is unknown or its value is invalid; the message says which.</exception>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { Arguments = string.Join(' ', args) };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            options = name switch
            {
                "--threads" => options with { Threads = PositiveInteger(name, Value(args, ref i)) },
                "--epochs" => options with { Epochs = PositiveInteger(name, Value(args, ref i)) },
                "--only" => options with { Sections = SectionList(Value(args, ref i)) },
                "--data-dir" => options with { DataDirectory = Value(args, ref i) },
                "--output" => options with { OutputDirectory = Value(args, ref i) },
                "--quick" => options with { Quick = true },
                "--isa" => options with { Isa = InstructionSet(Value(args, ref i)) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    private static string Value(string[] args, ref int i)
        => ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int PositiveInteger(string name, string text)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive integer, not '{text}'.");

    /// <summary>The command line that reproduces this run, its instruction set named even where it was the default.</summary>
    public string CommandLine(string isa)
    {
        var arguments = Isa is null ? $"{Arguments} --isa {isa}".Trim() : Arguments;
        return $"dotnet run --project bench/NetGen.Bench -c Release -- {arguments}";
    }

    private static string InstructionSet(string text)
        => InstructionSets.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new ArgumentException($"--isa takes {string.Join(" or ", InstructionSets)}, not '{text}'.");

    private static HashSet<string> SectionList(string text)
    {
        var sections = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = sections.Except(AllSections).ToArray();
        return unknown.Length == 0 && sections.Count > 0
            ? sections
            : throw new ArgumentException($"--only takes {string.Join(", ", AllSections)}; '{string.Join(", ", unknown)}' is not one of them.");
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NetGen.Bench;
using NetGen.Bench.Benchmarks;
using NetGen.Bench.Peers;
using NetGen.Bench.Results;
using NetGen.Cpu;

// The benchmark harness: NetGen beside NumPy, PyTorch CPU, TorchSharp and FANN, in one run, on one machine, with one
// thread count and one instruction set (--isa), written to docs/benchmarks-ISA.md and docs/benchmarks-ISA.csv, with
// docs/benchmarks.md as the index of the runs per instruction set. It installs nothing; a missing peer is named in the
// report with the package that provides it.

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var isa = options.Isa ?? InstructionSetChoice.Best;
if (InstructionSetChoice.Enforce(isa, args) is { } exitCode)
{
    return exitCode;
}

var root = FindRepositoryRoot();
// Only a full run replaces the run of record in docs/; a quick or partial run goes to bench/out.
var isRunOfRecord = !options.Quick && BenchOptions.AllSections.All(options.Sections.Contains);
var output = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(root, isRunOfRecord ? "docs" : Path.Combine("bench", "out")));
CpuThreads.Max = options.Threads;
var peers = PeerEnvironment.Create(root, options.Threads, isa);
var results = new ResultSet();
var context = new BenchContext(options, peers, results);
var started = DateTime.UtcNow;
var clock = Stopwatch.StartNew();
Console.WriteLine($"NetGen benchmarks: {options.Threads} threads, {InstructionSetChoice.Title(isa)} (NetGen's kernels: {CpuKernels.InstructionSet}), sections {string.Join(", ", options.Sections)}{(options.Quick ? ", quick" : "")}");
Console.WriteLine("FMA peak");
FmaPeak.Run(context);

if (options.Sections.Contains("matmul"))
{
    Console.WriteLine("Matrix products");
    MatrixProducts.Run(context);
}

if (options.Sections.Contains("mnist") || options.Sections.Contains("sweep") || options.Sections.Contains("regcost") || options.Sections.Contains("regularized")
    || options.Sections.Contains("lstm"))
{
    var data = MnistFiles.TryLoad(options, out var reason);
    if (data is null)
    {
        context.NotRun("NetGen, PyTorch and TorchSharp", "MNIST", reason);
    }
    else
    {
        if (options.Sections.Contains("mnist"))
        {
            Console.WriteLine("MNIST");
            MnistTraining.RunModels(context, data);
        }

        if (options.Sections.Contains("sweep"))
        {
            Console.WriteLine("Batch-size sweep");
            MnistTraining.RunSweep(context, data);
        }

        if (options.Sections.Contains("regcost"))
        {
            Console.WriteLine("Regularization cost");
            RegularizationCost.Run(context, data);
        }

        if (options.Sections.Contains("regularized"))
        {
            Console.WriteLine("Regularized MNIST");
            RegularizedTraining.Run(context, data);
        }

        if (options.Sections.Contains("lstm"))
        {
            Console.WriteLine("Row-by-row MNIST, LSTM");
            LstmTraining.Run(context, data);
        }
    }
}

if (options.Sections.Contains("xor"))
{
    Console.WriteLine("XOR");
    XorTraining.Run(context);
}

if (options.Sections.Contains("latency"))
{
    Console.WriteLine("Inference latency");
    InferenceLatency.Run(context);
}

if (Directory.Exists(peers.ScratchDirectory))
{
    Directory.Delete(peers.ScratchDirectory, recursive: true);
}

Directory.CreateDirectory(output);
var report = new MarkdownReport(results, options, isa, peers, started, clock.Elapsed).Write();
var reportPath = Path.Combine(output, $"benchmarks-{isa}.md");
File.WriteAllText(reportPath, report);
File.WriteAllText(Path.Combine(output, $"benchmarks-{isa}.csv"), CsvReport.Write(results));
Console.WriteLine($"Wrote {reportPath} and benchmarks-{isa}.csv in {clock.Elapsed.TotalMinutes:0.0} minutes.");
if (isRunOfRecord)
{
    // The index holds the latest full run of each instruction set.
    File.WriteAllText(Path.Combine(output, "benchmarks.md"), BenchmarkIndex.Write(output));
    Console.WriteLine($"Wrote {Path.Combine(output, "benchmarks.md")}, the index of the runs per instruction set.");
}

return 0;

// The folder holding NetGen.sln, from the current directory upwards; the peers' scripts are found from there.
static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "NetGen.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException($"Run the harness from inside the NetGen repository: no NetGen.sln above {Directory.GetCurrentDirectory()}.");
}

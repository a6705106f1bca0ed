using System;
using System.IO;
using System.Linq;
using System.Text;

namespace NetGen.Bench.Results;

/// <summary>
/// docs/benchmarks.md: a short introduction, then each instruction set's latest full run (docs/benchmarks-avx512.md,
/// docs/benchmarks-avx2.md, those present) under its own heading, the run's headings one level down.
/// </summary>
internal static class BenchmarkIndex
{
    public static string Write(string directory)
    {
        var text = new StringBuilder();
        text.Append("# Benchmarks\n\n");
        text.Append("NetGen beside NumPy, PyTorch CPU, TorchSharp and FANN, measured by the harness in `bench/NetGen.Bench`, one full run per\n");
        text.Append("instruction set: with AVX-512 (NetGen's Vector512 kernels, the peers' AVX-512 kernels) and with AVX2 (the harness run with\n");
        text.Append("`--isa avx2`: .NET with `DOTNET_EnableAVX512=0`, so NetGen's Vector256 kernels, and the peers held to AVX2 as well). Each\n");
        text.Append("run is also a page of its own, with every repeat in the CSV file beside it:\n\n");
        var runs = BenchOptions.InstructionSets
            .Select(isa => (Isa: isa, Path: Path.Combine(directory, $"benchmarks-{isa}.md")))
            .Where(run => File.Exists(run.Path))
            .ToArray();
        foreach (var (isa, path) in runs)
        {
            text.Append($"- {InstructionSetChoice.Title(isa)}: [benchmarks-{isa}.md](benchmarks-{isa}.md), [benchmarks-{isa}.csv](benchmarks-{isa}.csv)\n");
        }

        if (runs.Length == 0)
        {
            text.Append("- none yet: `dotnet run --project bench/NetGen.Bench -c Release -- --isa avx512` (or `--isa avx2`) writes one.\n");
        }

        text.Append('\n');
        foreach (var (isa, path) in runs)
        {
            text.Append($"## {InstructionSetChoice.Title(isa)}\n\n");
            text.Append(Demote(File.ReadAllText(path)).TrimEnd('\n')).Append("\n\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    // The run's title gives way to the instruction set's heading; its other headings go one level down. Fenced code is left alone.
    private static string Demote(string report)
    {
        var lines = report.Split('\n');
        var inCode = false;
        var titleDropped = false;
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (!inCode && line.StartsWith("# ", StringComparison.Ordinal) && !titleDropped)
            {
                titleDropped = true;
                continue;
            }
            else if (!inCode && line.StartsWith('#'))
            {
                text.Append('#');
            }

            text.Append(line).Append('\n');
        }

        return text.ToString().TrimStart('\n');
    }
}

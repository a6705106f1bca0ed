using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NetGen.Cpu;

namespace NetGen.Bench.Results;

/// <summary>The machine the figures come from, as label and value pairs for the report.</summary>
internal static class MachineDescription
{
    public static IReadOnlyList<(string Label, string Value)> Describe()
    {
        // The processor's own units, from its flags: .NET may be told to leave AVX-512 unused (--isa avx2).
        var flags = CpuFlags();
        var vectorUnits = string.Join(", ", new[]
        {
            flags.Contains("avx512f") || Avx512F.IsSupported ? "AVX-512F" : null,
            flags.Contains("avx2") || Avx2.IsSupported ? "AVX2" : null,
            flags.Contains("fma") || Fma.IsSupported ? "FMA" : null,
        }.Where(unit => unit is not null));
        var avx512Setting = Environment.GetEnvironmentVariable(InstructionSetChoice.RuntimeSetting);

        return
        [
            ("CPU", $"{CpuModel()}, {Environment.ProcessorCount} logical processors ({vectorUnits})"),
            ("Memory", MemoryTotal()),
            ("OS", $"{OsName()} ({RuntimeInformation.OSDescription})"),
            (".NET", RuntimeInformation.FrameworkDescription),
            ("NetGen CPU kernels", $"{CpuKernels.InstructionSet} ({(Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : Vector128.IsHardwareAccelerated ? "Vector128" : "scalar")}; "
                + $"`Vector512.IsHardwareAccelerated` {Vector512.IsHardwareAccelerated}{(avx512Setting is null ? "" : $", `{InstructionSetChoice.RuntimeSetting}={avx512Setting}`")})"),
            ("System BLAS (NumPy, PyTorch)", SystemBlas()),
        ];
    }

    /// <summary>The processor's feature flags as Linux lists them (avx512f, avx2, fma, …); empty where /proc/cpuinfo is missing.</summary>
    public static IReadOnlySet<string> CpuFlags()
        => (ReadField("/proc/cpuinfo", "flags", ':') ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static string CpuModel()
        => ReadField("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryTotal()
    {
        var text = ReadField("/proc/meminfo", "MemTotal", ':');
        return text is not null && long.TryParse(text.Split(' ')[0], out var kilobytes)
            ? $"{kilobytes / (1024.0 * 1024.0):0.0} GiB"
            : "unknown";
    }

    private static string OsName() => ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? "unknown";

    private static string SystemBlas()
    {
        const string Path = "/usr/lib/x86_64-linux-gnu/libblas.so.3";
        if (!File.Exists(Path))
        {
            return "not found";
        }

        var target = new FileInfo(Path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path;
        var kind = target.Contains("openblas-openmp", StringComparison.Ordinal) ? "OpenBLAS, OpenMP build"
            : target.Contains("openblas", StringComparison.Ordinal) ? "OpenBLAS"
            : target.Contains("/blas/", StringComparison.Ordinal) ? "the reference BLAS: slow; install libopenblas0-openmp"
            : "other";
        return $"{target} ({kind})";
    }

    private static string? ReadField(string path, string name, char separator)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(line => line.StartsWith(name, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(separator, StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}

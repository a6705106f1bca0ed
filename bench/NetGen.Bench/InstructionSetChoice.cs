using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Bench;

/// <summary>
/// The vector instructions a run measures with (<c>--isa</c>). NetGen's kernels take AVX-512 wherever .NET accelerates
/// <see cref="Vector512"/>; the runtime setting <c>DOTNET_EnableAVX512=0</c> turns that off, but only when the runtime
/// starts, so an AVX2 run on an AVX-512 machine starts the harness again with the setting, and that process checks it took.
/// </summary>
internal static class InstructionSetChoice
{
    public const string Avx512 = "avx512";
    public const string Avx2 = "avx2";
    public const string RuntimeSetting = "DOTNET_EnableAVX512";

    /// <summary>The best instruction set this process can use: avx512 where Vector512 is accelerated, else avx2.</summary>
    public static string Best => Vector512.IsHardwareAccelerated ? Avx512 : Avx2;

    /// <summary>"AVX-512" or "AVX2", for headings.</summary>
    public static string Title(string isa) => isa == Avx512 ? "AVX-512" : "AVX2";

    /// <summary>
    /// Null when this process runs with <paramref name="isa"/>; otherwise the harness's exit code: that of a rerun with
    /// AVX-512 off, or 2 when the machine or the runtime cannot give that instruction set (the reason on standard error).
    /// </summary>
    public static int? Enforce(string isa, string[] args)
    {
        if (isa == Avx512)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                return null;
            }

            var setting = Environment.GetEnvironmentVariable(RuntimeSetting);
            Console.Error.WriteLine(Avx512F.IsSupported || Results.MachineDescription.CpuFlags().Contains("avx512f")
                ? $"--isa avx512: the processor has AVX-512, but .NET does not accelerate Vector512 in this process{(setting is null ? "" : $" ({RuntimeSetting}={setting} is set)")}."
                : "--isa avx512: this machine has no AVX-512 (no avx512f among its CPU flags); use --isa avx2.");
            return 2;
        }

        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported || !Fma.IsSupported)
        {
            Console.Error.WriteLine("--isa avx2: this machine (or .NET in this process) has no AVX2 with FMA.");
            return 2;
        }

        if (!Vector512.IsHardwareAccelerated)
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable(RuntimeSetting) == "0")
        {
            Console.Error.WriteLine($"--isa avx2: {RuntimeSetting}=0 is set, yet .NET still accelerates Vector512 in this process; this runtime ignores the setting.");
            return 2;
        }

        return Rerun(args);
    }

    // The same program and arguments (through the dotnet host when that is how this process runs), with AVX-512 off;
    // its output goes straight to this process's console.
    private static int Rerun(string[] args)
    {
        var program = Environment.ProcessPath ?? throw new InvalidOperationException("The harness cannot find its own executable.");
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(program) == "dotnet" && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry)
        {
            start.ArgumentList.Add(entry);
        }

        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[RuntimeSetting] = "0";
        Console.WriteLine($"--isa avx2: running the harness again with {RuntimeSetting}=0, so that .NET leaves AVX-512 off");
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        child.WaitForExit();
        return child.ExitCode;
    }
}

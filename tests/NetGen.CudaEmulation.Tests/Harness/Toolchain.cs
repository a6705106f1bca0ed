using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace NetGen.CudaEmulation.Tests.Harness;

/// <summary>
/// The host C++ toolchain the harness compiles CUDA sources with: g++ (C++20) and nm, both from the system.
/// <c>NETGEN_EMULATION_CXX</c> names another compiler; <c>NETGEN_EMULATION_TSAN=1</c> turns ThreadSanitizer on.
/// A machine without g++ fails the tests with instructions instead of skipping them.
/// </summary>
internal static class Toolchain
{
    /// <summary>The environment variable that runs the emulated kernels under ThreadSanitizer.</summary>
    public const string SanitizerVariable = "NETGEN_EMULATION_TSAN";

    public static string Compiler => Environment.GetEnvironmentVariable("NETGEN_EMULATION_CXX") is { Length: > 0 } compiler ? compiler : "g++";

    /// <summary>Whether <see cref="SanitizerVariable"/> asks for ThreadSanitizer.</summary>
    public static bool SanitizerRequested => Environment.GetEnvironmentVariable(SanitizerVariable) is "1" or "true" or "yes";

    /// <summary>Where the shim header, the server's main and the hand-written kernels were copied next to the test assembly.</summary>
    public static string HarnessDirectory => Path.Combine(AppContext.BaseDirectory, "Harness");

    public static string ShimHeaderPath => Path.Combine(HarnessDirectory, "cuda_shim.h");

    public static string ServerMainPath => Path.Combine(HarnessDirectory, "emulation_server.cpp");

    /// <summary>Compiled libraries and servers, keyed by a hash of everything that goes into them; kept between runs.</summary>
    public static string CacheDirectory
    {
        get
        {
            var directory = Path.Combine(Path.GetTempPath(), "netgen-cuda-emulation");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    private static readonly Lazy<string> s_version = new(() =>
    {
        try
        {
            var result = Run(Compiler, new[] { "--version" }, TimeSpan.FromSeconds(30));
            return result.ExitCode == 0 ? result.StandardOutput.Split('\n')[0].Trim() : string.Empty;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return string.Empty;
        }
    });

    /// <summary>The compiler's first version line; throws with instructions when there is no compiler.</summary>
    public static string Version
    {
        get
        {
            if (s_version.Value.Length == 0)
            {
                throw new InvalidOperationException(
                    $"The CUDA emulation tests compile kernels with '{Compiler}', which could not be run. Install g++ 10 or newer " +
                    "(Debian/Ubuntu: apt-get install -y g++; ThreadSanitizer's libtsan comes with it), or point NETGEN_EMULATION_CXX at a C++20 compiler.");
            }

            return s_version.Value;
        }
    }

    public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed);

    public static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} ran past {timeout.TotalSeconds} s.");
        }

        Task.WaitAll(output, error);
        return new ProcessResult(process.ExitCode, output.Result, error.Result, watch.Elapsed);
    }

    /// <summary>Compiles with <see cref="Compiler"/>; a failure throws with the compiler's messages.</summary>
    public static void Compile(IReadOnlyList<string> arguments, string description)
    {
        _ = Version;
        var result = Run(Compiler, arguments, TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            var message = new StringBuilder()
                .Append("Compiling ").Append(description).Append(" failed (exit ").Append(result.ExitCode).Append("):\n")
                .Append(Compiler).Append(' ').Append(string.Join(' ', arguments)).Append('\n')
                .Append(result.StandardError).Append(result.StandardOutput);
            throw new InvalidOperationException(message.ToString());
        }
    }

    /// <summary>
    /// The static storage a compiled library or program defines, from <c>nm</c>: (offset from <c>ng_emu::anchor</c>, bytes)
    /// of every function-local static outside the shim's own namespace, that is every <c>__shared__</c> array.
    /// </summary>
    private static readonly string[] s_notShared =
        { "ng_emu::", "std::", "__gnu", "guard variable", "typeinfo", "vtable", "VTT", "construction vtable", "(anonymous namespace)" };

    public static IReadOnlyList<(long Offset, long Bytes)> SharedRegions(string binary)
    {
        var result = Run("nm", new[] { "-C", "-S", "--defined-only", binary }, TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"nm {binary} failed: {result.StandardError}");
        }

        long? anchor = null;
        var symbols = new List<(long Address, long Bytes)>();
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // address size type name (names may contain spaces)
            var parts = line.Split(' ', 4);
            if (parts.Length < 4 || parts[2].Length != 1)
            {
                continue;
            }

            var name = parts[3];
            var address = Convert.ToInt64(parts[0], 16);
            if (name == "ng_emu::anchor")
            {
                anchor = address;
                continue;
            }

            // Writable data (bss, data, unique globals) that is a static local (a kernel's or a device function's), not the runtime's.
            var isData = parts[2] is "b" or "B" or "d" or "D" or "u";
            if (isData && name.Contains("::", StringComparison.Ordinal) && !s_notShared.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                symbols.Add((address, Convert.ToInt64(parts[1], 16)));
            }
        }

        if (anchor is null)
        {
            throw new InvalidOperationException($"{binary} does not define ng_emu::anchor: was it compiled with the shim header?");
        }

        return symbols.ConvertAll(symbol => (symbol.Address - anchor.Value, symbol.Bytes));
    }
}

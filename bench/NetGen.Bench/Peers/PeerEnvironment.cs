using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NetGen.Bench.Peers;

/// <summary>
/// Where the peers live and how they are run: Debian's Python, the scripts under bench/peers, and the environment
/// that limits every peer to the same thread count as NetGen. Installs nothing; says what is missing.
/// </summary>
internal sealed class PeerEnvironment
{
    // Debian's interpreter: a python3 earlier on PATH may not see python3-torch and python3-numpy.
    private const string DebianPython = "/usr/bin/python3";
    private readonly Dictionary<string, string> _about = new();
    private readonly Dictionary<string, JsonElement> _aboutLines = new();

    private PeerEnvironment(string repositoryRoot, int threads, IReadOnlyDictionary<string, string> variables)
    {
        RepositoryRoot = repositoryRoot;
        Threads = threads;
        Variables = variables;
        Python = File.Exists(DebianPython) ? DebianPython : "python3";
        ScratchDirectory = Path.Combine(Path.GetTempPath(), $"netgen-bench-{Environment.ProcessId}");
    }

    public string RepositoryRoot { get; }

    public int Threads { get; }

    public string Python { get; }

    /// <summary>Set for every peer process: the thread limits, and OpenBLAS's kernel choice.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Where the harness builds the C and TorchSharp peers; removed at the end of the run.</summary>
    public string ScratchDirectory { get; }

    /// <summary>What each peer said about itself (version, BLAS, threads), by peer name.</summary>
    public IReadOnlyDictionary<string, string> About => _about;

    /// <summary>Each peer's about line as it printed it, by the name in its "peer" field (the run with the harness's own environment).</summary>
    public IReadOnlyDictionary<string, JsonElement> AboutLines => _aboutLines;

    /// <param name="isa">
    /// The run's instruction set, which every peer gets too: "avx512" gives OpenBLAS (NumPy, PyTorch) its SkylakeX kernels
    /// (machines with AVX-512 are often given Haswell by their environment, which slows them down) and libtorch
    /// (TorchSharp) its AVX-512 ones; "avx2" keeps OpenBLAS on Haswell kernels and libtorch, oneMKL and oneDNN on AVX2.
    /// </param>
    public static PeerEnvironment Create(string repositoryRoot, int threads, string isa)
    {
        var count = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var variables = new Dictionary<string, string>
        {
            ["OMP_NUM_THREADS"] = count,
            ["OPENBLAS_NUM_THREADS"] = count,
            ["MKL_NUM_THREADS"] = count,
        };
        if (isa == InstructionSetChoice.Avx512)
        {
            variables["OPENBLAS_CORETYPE"] = "SkylakeX";
            variables["ATEN_CPU_CAPABILITY"] = "avx512";
        }
        else
        {
            variables["OPENBLAS_CORETYPE"] = "Haswell";
            variables["MKL_ENABLE_INSTRUCTIONS"] = "AVX2";
            variables["DNNL_MAX_CPU_ISA"] = "AVX2";
            variables["ATEN_CPU_CAPABILITY"] = "avx2";
        }

        return new PeerEnvironment(repositoryRoot, threads, variables);
    }

    public string Script(string name) => Path.Combine(RepositoryRoot, "bench", "peers", name);

    /// <summary>Null when Python can import <paramref name="module"/>; otherwise why not, naming the package to install.</summary>
    public string? MissingPythonModule(string module, string debianPackage)
    {
        var (exitCode, output) = RunQuietly(Python, ["-c", $"import {module}"]);
        return exitCode == 0
            ? null
            : $"{Python} cannot import {module} (install the Debian package {debianPackage}): {LastLine(output)}";
    }

    /// <summary>
    /// Runs a peer and keeps its "about" line for the report; returns the other result lines. <paramref name="overrides"/>
    /// replace or add to <see cref="Variables"/> for this run only.
    /// </summary>
    public IReadOnlyList<JsonElement> RunPeer(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var lines = PeerProcess.Run(program, arguments, this, overrides);
        foreach (var about in lines.Where(IsAbout))
        {
            // A run with its own environment keeps its own line: PyTorch with Haswell kernels beside PyTorch with SkylakeX.
            var peer = about.GetProperty("peer").GetString() ?? "peer";
            if (overrides is not { Count: > 0 })
            {
                _aboutLines[peer] = about;
            }

            var name = peer
                + (overrides is { Count: > 0 } ? $" ({string.Join(", ", overrides.Select(v => $"{v.Key}={v.Value}"))})" : "");
            _about[name] = string.Join(", ", about.EnumerateObject()
                .Where(p => p.Name is not ("peer" or "about"))
                .Select(p => $"{p.Name} {p.Value}"));
        }

        return lines.Where(line => !IsAbout(line)).ToArray();
    }

    public static (int ExitCode, string Output) RunQuietly(string program, IEnumerable<string> arguments)
    {
        try
        {
            using var process = Process.Start(PeerProcess.StartInfo(program, arguments))!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + errors.Result);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return (-1, $"{program}: {error.Message}");
        }
    }

    public static string LastLine(string text)
        => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    private static bool IsAbout(JsonElement line)
        => line.TryGetProperty("about", out var about) && about.ValueKind == JsonValueKind.True;
}

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

    /// <summary>Where the harness builds the C peer; removed at the end of the run.</summary>
    public string ScratchDirectory { get; }

    /// <summary>What each peer said about itself (version, BLAS, threads), by peer name.</summary>
    public IReadOnlyDictionary<string, string> About => _about;

    /// <param name="openBlasCoreType">
    /// OpenBLAS's kernel family for the Python peers: machines with AVX-512 are often given Haswell (AVX2) by
    /// their environment, which slows PyTorch and NumPy down; the harness gives them the faster SkylakeX kernels.
    /// </param>
    public static PeerEnvironment Create(string repositoryRoot, int threads, string? openBlasCoreType)
    {
        var count = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var variables = new Dictionary<string, string>
        {
            ["OMP_NUM_THREADS"] = count,
            ["OPENBLAS_NUM_THREADS"] = count,
            ["MKL_NUM_THREADS"] = count,
        };
        if (openBlasCoreType is not null)
        {
            variables["OPENBLAS_CORETYPE"] = openBlasCoreType;
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
            var name = (about.GetProperty("peer").GetString() ?? "peer")
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

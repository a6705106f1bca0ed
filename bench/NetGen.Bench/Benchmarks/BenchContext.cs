using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NetGen.Bench.Peers;
using NetGen.Bench.Results;

namespace NetGen.Bench.Benchmarks;

/// <summary>What every benchmark needs: the options, the peers' environment and the results so far.</summary>
internal sealed class BenchContext(BenchOptions options, PeerEnvironment peers, ResultSet results)
{
    public BenchOptions Options { get; } = options;

    public PeerEnvironment Peers { get; } = peers;

    public ResultSet Results { get; } = results;

    /// <summary>The TorchSharp peer's implementation name.</summary>
    public const string TorchSharp = "TorchSharp";

    public void Add(Measurement measurement)
    {
        Results.Add(measurement);
        Console.WriteLine($"  {measurement.Implementation,-10} {measurement.Workload,-22} {measurement.Metric,-18} {Format(measurement.Median)} {measurement.Unit}");
    }

    /// <summary>
    /// Runs a Python peer script unless its module is missing; a failure is recorded, not thrown. <paramref name="overrides"/>
    /// change the peers' environment for this run only.
    /// </summary>
    public IReadOnlyList<JsonElement> RunPythonPeer(
        string peer, string module, string debianPackage, string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? overrides = null)
    {
        if (Peers.MissingPythonModule(module, debianPackage) is { } missing)
        {
            NotRun(peer, script, missing);
            return [];
        }

        return RunPeer(peer, script, Peers.Python, [Peers.Script(script), .. arguments], overrides);
    }

    /// <summary>
    /// Runs a workload of the TorchSharp peer (bench/peers/torchsharp), built once per run; a failed build or run is
    /// recorded as not run, with the reason, and gives no lines.
    /// </summary>
    public IReadOnlyList<JsonElement> RunTorchSharpPeer(string workload, IEnumerable<string> arguments)
    {
        if (TorchSharpBuild.TryBuild(Peers, out var reason) is not { } program)
        {
            NotRun(TorchSharp, "bench/peers/torchsharp", reason);
            return [];
        }

        return RunPeer(TorchSharp, $"bench/peers/torchsharp {workload}", program, [workload, .. arguments]);
    }

    /// <summary>Runs a peer program; a failure is recorded as not run, with the reason, and gives no lines.</summary>
    public IReadOnlyList<JsonElement> RunPeer(
        string peer, string what, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? overrides = null)
    {
        try
        {
            return Peers.RunPeer(program, arguments, overrides);
        }
        catch (PeerFailedException error)
        {
            NotRun(peer, what, error.Message);
            return [];
        }
    }

    public void NotRun(string peer, string what, string reason)
    {
        var line = $"{peer} ({what}) not run: {reason}";
        if (!Results.NotRun.Contains(line))
        {
            Results.AddNotRun(line);
            Console.WriteLine($"  ! {line}");
        }
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "0.0" : "0.0000", System.Globalization.CultureInfo.InvariantCulture);
}

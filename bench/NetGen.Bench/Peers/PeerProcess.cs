using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;

namespace NetGen.Bench.Peers;

/// <summary>
/// Runs one peer program. Peers print one JSON object per line on standard output (their results) and
/// progress on standard error, which is passed through to the console.
/// </summary>
internal static class PeerProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(30);

    /// <summary>Runs the program and returns its result lines, parsed.</summary>
    /// <exception cref="PeerFailedException">It could not start, timed out, exited non-zero or printed a line that is not JSON.</exception>
    public static IReadOnlyList<JsonElement> Run(
        string program, IEnumerable<string> arguments, PeerEnvironment environment, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var start = StartInfo(program, arguments);
        start.WorkingDirectory = environment.RepositoryRoot;
        foreach (var (name, value) in environment.Variables.Concat(overrides ?? new Dictionary<string, string>()))
        {
            start.Environment[name] = value;
        }

        var command = $"{program} {string.Join(' ', start.ArgumentList)}";
        var lines = new List<string>();
        var errorTail = new Queue<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            Console.Error.WriteLine($"    | {line}");
            lock (errorTail)
            {
                errorTail.Enqueue(line);
                if (errorTail.Count > 10)
                {
                    errorTail.Dequeue();
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new PeerFailedException($"could not start '{command}': {error.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new PeerFailedException($"'{command}' did not finish within {s_timeout.TotalMinutes:0} minutes");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new PeerFailedException(
                $"'{command}' exited with code {process.ExitCode}: {string.Join(" / ", errorTail.TakeLast(3))}");
        }

        return lines.Select(line => Parse(line, command)).ToArray();
    }

    /// <summary>How every program of the harness starts: no shell, both output streams captured.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static JsonElement Parse(string line, string command)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new PeerFailedException($"'{command}' printed a result line that is not JSON ({error.Message}): {line}");
        }
    }
}

/// <summary>A peer program failed; the message says which command and how.</summary>
internal sealed class PeerFailedException(string message) : Exception(message);

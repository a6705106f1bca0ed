using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>What a <c>dotnet</c> command printed, and how it ended.</summary>
internal sealed record DotnetResult(string CommandLine, int ExitCode, string Output, bool TimedOut);

/// <summary>Runs the <c>dotnet</c> that runs these tests, as a child process, with its output captured.</summary>
internal static class DotnetCli
{
    public static async Task<DotnetResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // 'dotnet test' hands its MSBuild settings down to the test host; the child must find its own.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        // No build servers or reused nodes: one that outlived the build would hold the output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var output = new StringBuilder();
        var commandLine = start.FileName + " " + string.Join(" ", arguments);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Waits for the exit and for the end of the output; a build past its time is killed with its children.
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            return new DotnetResult(commandLine, -1, Snapshot(output), TimedOut: true);
        }
        catch (OperationCanceledException)
        {
            // It exited, but something it started still holds the output open: keep what came.
        }

        return new DotnetResult(commandLine, process.ExitCode, Snapshot(output), TimedOut: false);
    }

    /// <summary>The dotnet host running the tests when it says so (DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetPath()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var running = Environment.ProcessPath;
        return running is not null && Path.GetFileNameWithoutExtension(running) == "dotnet" ? running : "dotnet";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

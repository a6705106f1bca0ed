using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Finds the repository root: the directory holding NetGen.sln, above the sources or the test binaries.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFileName = "NetGen.sln";

    public static string Locate() =>
        FindUpwards(Path.GetDirectoryName(ThisFilePath()))
        ?? FindUpwards(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException(
            "Cannot find " + SolutionFileName + " above " + ThisFilePath() + " or " + AppContext.BaseDirectory + ".");

    private static string? FindUpwards(string? directory)
    {
        for (var current = directory; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (File.Exists(Path.Combine(current, SolutionFileName)))
            {
                return current;
            }
        }

        return null;
    }

    private static string ThisFilePath([CallerFilePath] string path = "") => path;
}

using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Finds tests/NetGen.Generator.Tests/Snapshots in the source tree (never the bin folder).</summary>
internal static class SnapshotDirectory
{
    private const string ProjectFileName = "NetGen.Generator.Tests.csproj";

    public static string Locate() => Path.Combine(ProjectDirectory(), "Snapshots");

    private static string ProjectDirectory()
    {
        // This file's compile-time path points into the source tree; walk up from it, and from the
        // test binaries as a fallback for builds that map source paths (ContinuousIntegrationBuild).
        return FindUpwards(Path.GetDirectoryName(ThisFilePath()))
            ?? FindUpwards(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                "Cannot find " + ProjectFileName + " above " + ThisFilePath() + " or " + AppContext.BaseDirectory + ".");
    }

    private static string? FindUpwards(string? directory)
    {
        for (var current = directory; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (File.Exists(Path.Combine(current, ProjectFileName)))
            {
                return current;
            }

            var nested = Path.Combine(current, "tests", "NetGen.Generator.Tests");
            if (File.Exists(Path.Combine(nested, ProjectFileName)))
            {
                return nested;
            }
        }

        return null;
    }

    private static string ThisFilePath([CallerFilePath] string path = "") => path;
}

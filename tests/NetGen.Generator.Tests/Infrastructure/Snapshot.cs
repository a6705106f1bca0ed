using System;
using System.IO;
using Xunit.Sdk;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares text with Snapshots/{name}.verified.cs in the source tree. On a mismatch it writes
/// {name}.received.cs beside it and fails with the first difference. With NETGEN_UPDATE_SNAPSHOTS=1
/// it rewrites the verified file instead and passes.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "NETGEN_UPDATE_SNAPSHOTS";

    public static void Match(string actual, string name) =>
        Match(actual, name, SnapshotDirectory.Locate(), Environment.GetEnvironmentVariable(UpdateVariable) == "1");

    /// <summary>The helper itself, with the directory and the update switch explicit (for its own tests).</summary>
    public static void Match(string actual, string name, string directory, bool update)
    {
        var verifiedPath = Path.Combine(directory, name + ".verified.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = NormalizeLineEndings(actual);

        if (update)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, actual);
            throw new XunitException(
                "Snapshot '" + name + "' has no verified file at " + verifiedPath + ".\n" +
                "The output was written to " + receivedPath + ". Review it, then create the verified file by renaming it " +
                "or by running the tests with " + UpdateVariable + "=1.");
        }

        var difference = SnapshotDiff.Describe(NormalizeLineEndings(File.ReadAllText(verifiedPath)), actual);
        if (difference is null)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        throw new XunitException(
            "Snapshot '" + name + "' does not match " + verifiedPath + ".\n" + difference +
            "The output was written to " + receivedPath + ". If the change is intended, accept it by running the tests with " +
            UpdateVariable + "=1 (or by copying the received file over the verified one).");
    }

    private static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}

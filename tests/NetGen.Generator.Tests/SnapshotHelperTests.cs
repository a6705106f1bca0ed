using System;
using System.IO;
using NetGen.Generator.Tests.Infrastructure;
using Xunit.Sdk;

namespace NetGen.Generator.Tests;

/// <summary>The snapshot helper: it passes on equal text, fails readably on a difference, and updates on request.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private const string Name = "Sample";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netgen-snapshots-" + Guid.NewGuid().ToString("N"));

    private string VerifiedPath => Path.Combine(_directory, Name + ".verified.cs");

    private string ReceivedPath => Path.Combine(_directory, Name + ".received.cs");

    public SnapshotHelperTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EqualTextPassesWhateverTheLineEndingsAndClearsAStaleReceivedFile()
    {
        File.WriteAllText(VerifiedPath, "line 1\r\nline 2\r\n");
        File.WriteAllText(ReceivedPath, "stale");

        Snapshot.Match("line 1\nline 2\n", Name, _directory, update: false);

        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void DifferenceFailsWithTheFirstDifferingLineAndWritesTheReceivedFile()
    {
        File.WriteAllText(VerifiedPath, "same\nsame again\nexpected text\ntail\n");

        var failure = Assert.Throws<XunitException>(() =>
            Snapshot.Match("same\nsame again\nactual text\ntail\n", Name, _directory, update: false));

        Assert.Contains("First difference at line 3", failure.Message, StringComparison.Ordinal);
        Assert.Contains(">     3 | expected text", failure.Message, StringComparison.Ordinal);
        Assert.Contains(">     3 | actual text", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Snapshot.UpdateVariable + "=1", failure.Message, StringComparison.Ordinal);
        Assert.Equal("same\nsame again\nactual text\ntail\n", File.ReadAllText(ReceivedPath));
        Assert.Equal("same\nsame again\nexpected text\ntail\n", File.ReadAllText(VerifiedPath));
    }

    [Fact]
    public void MissingVerifiedFileFailsAndSaysHowToCreateIt()
    {
        var failure = Assert.Throws<XunitException>(() => Snapshot.Match("text\n", Name, _directory, update: false));

        Assert.Contains("no verified file", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Snapshot.UpdateVariable + "=1", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(VerifiedPath));
        Assert.Equal("text\n", File.ReadAllText(ReceivedPath));
    }

    [Fact]
    public void UpdateRewritesTheVerifiedFileWithUnixLineEndings()
    {
        File.WriteAllText(VerifiedPath, "old\n");
        File.WriteAllText(ReceivedPath, "stale");

        Snapshot.Match("new\r\ntext\r\n", Name, _directory, update: true);

        Assert.Equal("new\ntext\n", File.ReadAllText(VerifiedPath));
        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void SnapshotsLiveInTheSourceTreeNotTheBinFolder()
    {
        var directory = SnapshotDirectory.Locate();

        Assert.True(File.Exists(Path.Combine(directory, "XorNet.verified.cs")), directory);
        Assert.DoesNotContain(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, directory, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("NetGen.Generator.Tests", "Snapshots"), directory, StringComparison.Ordinal);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Builds samples/BrokenNetworks with <c>dotnet build</c>, the generator and analyzers loaded the way a user's
/// project loads them, and checks that the build fails with exactly the diagnostics its files mark with
/// <c>// expect NGxxxx</c>, at those files and lines, warnings staying warnings.
/// </summary>
[Collection(RealBuildCollection.Name)]
public sealed class RealBuildDiagnosticsTests
{
    private const string SampleDirectory = "samples/BrokenNetworks";

    // Restoring and building the sample and the projects it references from cold takes a while on two busy cores.
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(8);

    /// <summary>IDs of <see cref="DiagnosticDescriptors"/> that no source can trigger, so the sample need not show them.</summary>
    private static readonly HashSet<string> s_notReachableFromSource = new(StringComparer.Ordinal);

    private static readonly Regex s_expectation = new(@"//\s*expect\s+(?<ids>NG\d{4}(?:\s*,\s*NG\d{4})*)", RegexOptions.CultureInvariant);

    [Fact]
    public async Task BuildFailsWithExactlyTheExpectedDiagnostics()
    {
        var root = RepositoryRoot.Locate();
        var sample = Path.Combine(root, SampleDirectory);
        var expected = Expectations(sample);

        var build = await DotnetCli.RunAsync(root, s_buildTimeout, "build", sample, "-c", "Release", "--nologo", "-v", "q", "-clp:NoSummary");

        var report = "\n" + build.CommandLine + "\nexited with " + build.ExitCode + ". Its output:\n" + build.Output;
        Assert.False(build.TimedOut, "The build did not finish within " + s_buildTimeout + "." + report);

        var diagnostics = MsBuildDiagnostic.Parse(build.Output);
        var inSample = diagnostics.Where(diagnostic => diagnostic.Line > 0 && IsUnder(sample, Path.Combine(root, diagnostic.Origin))).ToList();
        var actual = inSample.Select(diagnostic => new Expectation(Relative(sample, Path.Combine(root, diagnostic.Origin)), diagnostic.Line, diagnostic.Id)).ToList();

        var missing = expected.Except(actual).OrderBy(Describe, StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected).OrderBy(Describe, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            "The build's diagnostics in " + SampleDirectory + " differ from its '// expect' comments.\n" +
            "Expected but not reported:\n  " + string.Join("\n  ", missing.Select(Describe)) + "\n" +
            "Reported but not expected:\n  " + string.Join("\n  ", unexpected.Select(Describe)) + report);

        var otherErrors = diagnostics.Except(inSample).Where(diagnostic => diagnostic.Severity == "error").ToList();
        AssertNone(otherErrors, "errors outside " + SampleDirectory + " (the build failed for another reason)", report);

        var wrongSeverity = inSample
            .Where(diagnostic => DiagnosticDescriptors.All.Any(descriptor => descriptor.Id == diagnostic.Id))
            .Where(diagnostic => diagnostic.Severity != SeverityWord(DiagnosticDescriptors.ById(diagnostic.Id).DefaultSeverity))
            .ToList();
        AssertNone(wrongSeverity, "diagnostics reported at another severity than their descriptor's", report);

        Assert.Contains(inSample, diagnostic => diagnostic.Severity == "error");
        Assert.True(build.ExitCode != 0, "The build succeeded although NetGen reported errors." + report);
    }

    [Fact]
    public void SampleShowsEveryDiagnosticReachableFromSource()
    {
        var shown = Expectations(Path.Combine(RepositoryRoot.Locate(), SampleDirectory)).Select(expectation => expectation.Id).ToHashSet(StringComparer.Ordinal);

        var notShown = DiagnosticDescriptors.All
            .Select(descriptor => descriptor.Id)
            .Where(id => !shown.Contains(id) && !s_notReachableFromSource.Contains(id))
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();

        Assert.True(notShown.Count == 0,
            "No file in " + SampleDirectory + " expects " + string.Join(", ", notShown) + ". Add one (named after the ID) " +
            "with '// expect' on the line the diagnostic belongs on.");
    }

    [Fact]
    public void EverySampleFileExpectsTheDiagnosticItIsNamedAfter()
    {
        var sample = Path.Combine(RepositoryRoot.Locate(), SampleDirectory);
        var expectations = Expectations(sample);

        foreach (var file in SourceFiles(sample))
        {
            var name = Path.GetFileName(file);
            var ids = expectations.Where(expectation => expectation.File == name).Select(expectation => expectation.Id).Distinct().ToList();
            Assert.True(ids.Count > 0, name + " expects no diagnostic: mark the offending line with '// expect NGxxxx'.");
            Assert.True(ids.Any(id => name.StartsWith(id, StringComparison.Ordinal)), name + " expects " + string.Join(", ", ids) + " but is not named after any of them.");
        }
    }

    [Fact]
    public void SampleIsNotPartOfTheSolution()
    {
        // The solution builds with warnings as errors; a project that must fail has no place in it.
        var solution = File.ReadAllText(Path.Combine(RepositoryRoot.Locate(), "NetGen.sln"));

        Assert.DoesNotContain("BrokenNetworks", solution, StringComparison.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<Expectation> Expectations(string sample)
    {
        var expectations = new List<Expectation>();
        foreach (var file in SourceFiles(sample))
        {
            var lines = File.ReadAllLines(file);
            for (var index = 0; index < lines.Length; index++)
            {
                var match = s_expectation.Match(lines[index]);
                if (match.Success)
                {
                    expectations.AddRange(match.Groups["ids"].Value
                        .Split(',')
                        .Select(id => new Expectation(Path.GetFileName(file), index + 1, id.Trim())));
                }
            }
        }

        Assert.True(expectations.Count > 0, "No '// expect NGxxxx' comment in " + sample + ".");
        return expectations;
    }

    private static IEnumerable<string> SourceFiles(string sample) =>
        Directory.EnumerateFiles(sample, "*.cs", SearchOption.TopDirectoryOnly).OrderBy(path => path, StringComparer.Ordinal);

    private static bool IsUnder(string directory, string path) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string directory, string path) => Path.GetRelativePath(directory, Path.GetFullPath(path));

    private static string SeverityWord(DiagnosticSeverity severity) => severity == DiagnosticSeverity.Error ? "error" : "warning";

    private static string Describe(Expectation expectation) =>
        expectation.File + "(" + expectation.Line.ToString(CultureInfo.InvariantCulture) + "): " + expectation.Id;

    private static void AssertNone(IReadOnlyList<MsBuildDiagnostic> diagnostics, string what, string report) =>
        Assert.True(diagnostics.Count == 0, "Expected no " + what + ", got:\n  " + string.Join("\n  ", diagnostics) + report);

    /// <summary>A diagnostic ID at a line of a file of the sample.</summary>
    private sealed record Expectation(string File, int Line, string Id);
}

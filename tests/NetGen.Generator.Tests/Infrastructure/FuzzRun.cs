using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>What <see cref="FuzzHarness"/> saw: the generator's run, and every diagnostic of the compiler and the analyzers.</summary>
internal sealed record FuzzRun(
    string Source,
    Compilation InputCompilation,
    Compilation OutputCompilation,
    GeneratorDriverRunResult DriverResult,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyList<string> AnalyzerExceptions)
{
    /// <summary>CS8785: a generator threw and its output was dropped.</summary>
    public const string GeneratorFailedId = "CS8785";

    /// <summary>AD0001: an analyzer threw.</summary>
    public const string AnalyzerFailedId = "AD0001";

    /// <summary>Everything that says the generator or an analyzer broke, or that the generated code does not compile without warnings; empty when the run survived.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>();
            failures.AddRange(DriverResult.Results
                .Where(result => result.Exception is not null)
                .Select(result => "Generator " + result.Generator.GetGeneratorType().FullName + " threw " + result.Exception));
            failures.AddRange(AnalyzerExceptions);
            failures.AddRange(GeneratorDiagnostics
                .Concat(DriverResult.Diagnostics)
                .Concat(Diagnostics)
                .Where(diagnostic => diagnostic.Id is GeneratorFailedId or AnalyzerFailedId)
                .Select(diagnostic => diagnostic.ToString())
                .Distinct(StringComparer.Ordinal));
            failures.AddRange(ProblemsInGeneratedCode.Select(diagnostic => diagnostic.Severity + " in generated code: " + diagnostic));
            return failures;
        }
    }

    /// <summary>
    /// Errors and warnings the compiler reports inside generated files, at the warning level and nullable context of a user's
    /// project (<see cref="TestCompilation"/>): under TreatWarningsAsErrors a warning there fails the user's build as well.
    /// </summary>
    public IReadOnlyList<Diagnostic> ProblemsInGeneratedCode =>
        Diagnostics.Where(diagnostic =>
                diagnostic.Severity >= DiagnosticSeverity.Warning &&
                diagnostic.Location.SourceTree is { } tree &&
                !InputCompilation.SyntaxTrees.Contains(tree))
            .ToList();

    /// <summary>The files the generators added, by hint name.</summary>
    public IReadOnlyList<GeneratedFile> GeneratedSources =>
        DriverResult.Results
            .SelectMany(result => result.GeneratedSources)
            .Select(source => new GeneratedFile(source.HintName, source.SourceText.ToString()))
            .ToList();

    /// <summary>The input with line numbers, what was generated and every diagnostic: enough to reproduce a failure from the test output alone.</summary>
    public string Describe()
    {
        var lines = Source.Split('\n');
        var numbered = lines.Select((line, index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4) + " | " + line);
        var diagnostics = GeneratorDiagnostics.Concat(Diagnostics).Select(diagnostic => "  " + diagnostic).Distinct(StringComparer.Ordinal).ToList();
        return "Input (" + TestCompilation.DefaultPath + "):\n" + string.Join("\n", numbered) + "\n" +
               "Generated: " + (GeneratedSources.Count == 0 ? "nothing" : string.Join(", ", GeneratedSources.Select(file => file.HintName))) + "\n" +
               "Diagnostics (" + diagnostics.Count + "):\n" + string.Join("\n", diagnostics);
    }
}

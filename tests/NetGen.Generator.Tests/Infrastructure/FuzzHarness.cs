using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Runs over one source what a build runs: the generator, then the compiler and every analyzer of the
/// generator's assembly over the compilation with the generated files added. Analyzers are found by
/// reflection, so one added later is covered without touching the tests.
/// </summary>
internal static class FuzzHarness
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_analyzers = new(() => Discover(typeof(NetworkGenerator).Assembly));

    // Every run adds its tree to this compilation, so that all of them share its bound references.
    private static readonly Lazy<CSharpCompilation> s_empty = new(() => TestCompilation.Create(Array.Empty<SyntaxTree>()));

    /// <summary>One instance of each non-abstract <see cref="DiagnosticAnalyzer"/> in the generator's assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => s_analyzers.Value;

    public static Task<FuzzRun> RunAsync(string source) =>
        RunAsync(source, new[] { new NetworkGenerator().AsSourceGenerator() }, Analyzers);

    /// <summary>The same run with other generators and analyzers (for the harness's own tests).</summary>
    public static async Task<FuzzRun> RunAsync(string source, IReadOnlyList<ISourceGenerator> generators, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var input = s_empty.Value.AddSyntaxTrees(TestCompilation.Parse(source, TestCompilation.DefaultPath));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: TestCompilation.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);

        var analyzerExceptions = new List<string>();
        var diagnostics = analyzers.IsEmpty
            ? output.GetDiagnostics()
            : await output.WithAnalyzers(analyzers, Options(analyzerExceptions)).GetAllDiagnosticsAsync().ConfigureAwait(false);

        return new FuzzRun(source, input, output, driver.GetRunResult(), generatorDiagnostics, diagnostics, analyzerExceptions);
    }

    private static CompilationWithAnalyzersOptions Options(List<string> analyzerExceptions) =>
        new(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (analyzerExceptions)
                {
                    analyzerExceptions.Add(analyzer.GetType().FullName + " threw " + exception);
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

    private static ImmutableArray<DiagnosticAnalyzer> Discover(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            // A code fix provider may need Workspaces, which the tests need not load; the analyzers do not.
            types = exception.Types;
        }

        return types
            .OfType<Type>()
            .Where(type => !type.IsAbstract && !type.ContainsGenericParameters && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type, nonPublic: true)!)
            .ToImmutableArray();
    }
}

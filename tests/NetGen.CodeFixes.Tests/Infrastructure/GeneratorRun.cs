using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator;

namespace NetGen.CodeFixes.Tests.Infrastructure;

/// <summary>One run of <see cref="NetworkGenerator"/> over a compilation: NetGen's diagnostics and the compilation with the generated code.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(ImmutableArray<Diagnostic> generatorDiagnostics, Compilation output, int generatedSourceCount)
    {
        NetGenDiagnostics = generatorDiagnostics.Where(diagnostic => diagnostic.Id.StartsWith("NG", System.StringComparison.Ordinal)).ToList();
        Errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        GeneratedSourceCount = generatedSourceCount;
    }

    public IReadOnlyList<Diagnostic> NetGenDiagnostics { get; }

    /// <summary>Compiler errors in the user's code and in the generated code together.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; }

    /// <summary>How many files the generator added (one per network it could emit).</summary>
    public int GeneratedSourceCount { get; }

    public static GeneratorRun Over(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: TestReferences.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = driver.GetRunResult().Results.Sum(result => result.GeneratedSources.Length);
        return new GeneratorRun(diagnostics, output, generated);
    }

    /// <summary>A fresh compilation of <paramref name="sources"/>, named as the test sources are.</summary>
    public static GeneratorRun OverSources(IReadOnlyList<string> sources) =>
        Over(CSharpCompilation.Create(
            "NetGenFixedAssembly",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, SourcePaths.Of(index))),
            TestReferences.Metadata,
            TestReferences.CompilationOptions));
}

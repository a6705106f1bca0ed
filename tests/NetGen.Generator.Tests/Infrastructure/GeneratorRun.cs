using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>What one generator run produced: its sources, its diagnostics, and the compilation with the sources added.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation InputCompilation,
    Compilation OutputCompilation,
    GeneratorRunResult Result,
    IReadOnlyList<GeneratedFile> GeneratedSources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> OutputDiagnostics)
{
    /// <summary>The single generated file; fails when the generator added none or several.</summary>
    public GeneratedFile SingleSource => Assert.Single(GeneratedSources);

    /// <summary>Errors and warnings of the output compilation (user code and generated code together).</summary>
    public IReadOnlyList<Diagnostic> OutputErrorsAndWarnings =>
        OutputDiagnostics.Where(diagnostic => diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();

    /// <summary>The generator's own diagnostics (NGxxxx).</summary>
    public IReadOnlyList<Diagnostic> NetGenDiagnostics =>
        GeneratorDiagnostics.Where(diagnostic => diagnostic.Id.StartsWith("NG", System.StringComparison.Ordinal)).ToList();

    /// <summary>Errors and warnings the compiler reports inside generated files: code the generator should not have emitted (a warning fails a build under TreatWarningsAsErrors).</summary>
    public IReadOnlyList<Diagnostic> ProblemsInGeneratedCode =>
        OutputDiagnostics.Where(diagnostic =>
                diagnostic.Severity >= DiagnosticSeverity.Warning &&
                diagnostic.Location.SourceTree is { } tree &&
                !InputCompilation.SyntaxTrees.Contains(tree))
            .ToList();

    /// <summary>The source text a diagnostic points at, looked up by path among the input trees (generator locations are by path).</summary>
    public string TextUnder(Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        var tree = Assert.Single(InputCompilation.SyntaxTrees, candidate => candidate.FilePath == path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}

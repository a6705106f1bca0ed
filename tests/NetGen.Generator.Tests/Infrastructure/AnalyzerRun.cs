using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>What the analyzers reported over a generator's output compilation, and any exception they threw.</summary>
internal sealed record AnalyzerRun(GeneratorRun Generator, ImmutableArray<Diagnostic> AnalyzerDiagnostics, IReadOnlyList<Exception> Exceptions)
{
    /// <summary>The analyzers' diagnostics with one ID.</summary>
    public IReadOnlyList<Diagnostic> WithId(string id) =>
        AnalyzerDiagnostics.Where(diagnostic => diagnostic.Id == id).ToList();

    /// <summary>Compiler errors in the user's code and the generated code, for tests whose sources must compile.</summary>
    public IReadOnlyList<Diagnostic> CompilerErrors =>
        Generator.OutputDiagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
}

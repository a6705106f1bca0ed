using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator over test sources, then one analyzer over the output compilation, collecting what it throws.</summary>
internal static class AnalyzerHarness
{
    public static async Task<AnalyzerRun> RunAsync(DiagnosticAnalyzer analyzer, params string[] sources)
    {
        var generatorRun = GeneratorHarness.Run(sources);
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var compilation = generatorRun.OutputCompilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
        return new AnalyzerRun(generatorRun, await compilation.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false), exceptions);
    }
}

using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>A generator and an analyzer that fail on purpose, so that tests can check <see cref="FuzzHarness"/> notices failures.</summary>
internal static class FailingComponents
{
    /// <summary>Throws from its output step, as a generator bug would.</summary>
    public sealed class ThrowingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.CompilationProvider, static (_, _) => throw new InvalidOperationException("The generator fails on purpose."));
    }

    /// <summary>Adds a file that does not compile.</summary>
    public sealed class BrokenCodeGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterPostInitializationOutput(static output => output.AddSource("Broken.g.cs", "internal static class Broken { internal static int Value => \"text\"; }"));
    }

    /// <summary>Throws on every attribute it sees. Not marked [DiagnosticAnalyzer]: nothing but these tests is to load it.</summary>
#pragma warning disable RS1001, RS2008 // A test double that no compiler loads: it needs no [DiagnosticAnalyzer] and its rule no release tracking.
    public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_neverReported = new(
            "FAIL0001", "Never reported", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_neverReported);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(static _ => throw new InvalidOperationException("The analyzer fails on purpose."), SyntaxKind.Attribute);
        }
    }
#pragma warning restore RS1001, RS2008
}

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>
/// Hundreds of malformed declarations derived from valid networks (<see cref="DeclarationMutations"/>): for each,
/// the generator and every analyzer of its assembly run without throwing, and whatever code the generator
/// still emits compiles without a warning. Diagnostics about the malformed declaration itself are expected and not checked.
/// </summary>
public sealed class FuzzedDeclarationTests
{
    private const int MinimumVariantCount = 300;

    public static TheoryData<string> VariantNames => new(DeclarationMutations.All.Select(variant => variant.Name));

    public static TheoryData<string> SeedNames => new(DeclarationMutations.Seeds.Select(seed => seed.Name));

    [Fact]
    public void AtLeastThreeHundredVariantsAreDerived()
    {
        Assert.True(
            DeclarationMutations.All.Count >= MinimumVariantCount,
            "Expected at least " + MinimumVariantCount + " variants, got " + DeclarationMutations.All.Count + ".");
    }

    [Fact]
    public void VariantsAreTheSameEveryTimeTheyAreDerived()
    {
        var rebuilt = DeclarationMutations.Derive();

        Assert.Equal(DeclarationMutations.All, rebuilt);
    }

    [Fact]
    public void EveryKindOfMutationIsRepresented()
    {
        var kinds = DeclarationMutations.All
            .Select(variant => variant.Name.Split('/')[1])
            .Select(mutation => mutation.StartsWith("delete-token-", StringComparison.Ordinal) ? "delete-token" : mutation)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var kind in new[] { "delete-token", "value", "duplicate", "misspell", "reorder", "move-all-to-method", "move-all-to-property", "move-all-to-struct", "type", "nested-in", "layer-name", "member" })
        {
            Assert.Contains(kind, kinds);
        }

        foreach (var seed in DeclarationMutations.Seeds)
        {
            Assert.Contains(DeclarationMutations.All, variant => variant.Seed == seed.Name);
        }
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public async Task SeedGeneratesCodeWithoutAnyDiagnostic(string seedName)
    {
        var run = await FuzzHarness.RunAsync(DeclarationMutations.Seeds.Single(seed => seed.Name == seedName).Source);

        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures) + "\n" + run.Describe());
        Assert.Single(run.GeneratedSources);
        var noise = run.GeneratorDiagnostics.Concat(run.Diagnostics)
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error || diagnostic.Id.StartsWith("NG", StringComparison.Ordinal))
            .ToList();
        DiagnosticAssert.None(noise, "errors or NetGen diagnostics in a seed");
    }

    [Theory]
    [MemberData(nameof(VariantNames))]
    public async Task GeneratorAndAnalyzersSurviveVariant(string variantName)
    {
        var run = await FuzzHarness.RunAsync(DeclarationMutations.ByName[variantName].Source);

        Assert.True(
            run.Failures.Count == 0,
            "Variant " + variantName + " broke the generator, an analyzer or the generated code:\n" +
            string.Join("\n", run.Failures) + "\n" + run.Describe());
    }

    [Fact]
    public async Task HarnessReportsAGeneratorThatThrows()
    {
        var run = await FuzzHarness.RunAsync(
            DeclarationMutations.Seeds[0].Source,
            new[] { new FailingComponents.ThrowingGenerator().AsSourceGenerator() },
            ImmutableArray<DiagnosticAnalyzer>.Empty);

        Assert.Contains(run.Failures, failure => failure.Contains("fails on purpose", StringComparison.Ordinal));
        Assert.Contains(run.Failures, failure => failure.Contains(FuzzRun.GeneratorFailedId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HarnessReportsAnAnalyzerThatThrows()
    {
        var run = await FuzzHarness.RunAsync(
            DeclarationMutations.Seeds[0].Source,
            new[] { new NetworkGenerator().AsSourceGenerator() },
            ImmutableArray.Create<DiagnosticAnalyzer>(new FailingComponents.ThrowingAnalyzer()));

        // The harness collects the exception itself (a build would report it as AD0001).
        Assert.Contains(run.Failures, failure =>
            failure.Contains(nameof(FailingComponents.ThrowingAnalyzer), StringComparison.Ordinal) &&
            failure.Contains("fails on purpose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HarnessReportsGeneratedCodeThatDoesNotCompile()
    {
        var run = await FuzzHarness.RunAsync(
            DeclarationMutations.Seeds[0].Source,
            new[] { new FailingComponents.BrokenCodeGenerator().AsSourceGenerator() },
            ImmutableArray<DiagnosticAnalyzer>.Empty);

        var failure = Assert.Single(run.Failures);
        Assert.Contains("Broken.g.cs", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void HarnessFindsEveryAnalyzerOfTheGeneratorAssembly()
    {
        var declared = typeof(NetworkGenerator).Assembly.GetTypes()
            .Where(type => type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .Select(type => type.FullName)
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(declared, FuzzHarness.Analyzers.Select(analyzer => analyzer.GetType().FullName));
    }
}

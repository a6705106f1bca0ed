using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="NetworkGenerator"/> over test sources with step tracking on.</summary>
internal static class GeneratorHarness
{
    public static GeneratorRun Run(params string[] sources) => Run(TestCompilation.Create(sources));

    public static GeneratorRun Run(CSharpCompilation compilation) => Run(CreateDriver(), compilation);

    /// <summary>Runs an existing driver again, so that its cached state from earlier runs is used.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var outputCompilation, out var generatorDiagnostics);
        var result = Assert.Single(driver.GetRunResult().Results);
        var sources = result.GeneratedSources
            .Select(source => new GeneratedFile(source.HintName, source.SourceText.ToString()))
            .ToList();
        return new GeneratorRun(
            driver,
            compilation,
            outputCompilation,
            result,
            sources,
            generatorDiagnostics,
            outputCompilation.GetDiagnostics());
    }

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}

using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Model;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// [SelfOrganizingMap] classes: the generated part compiles, derives from NetGen.Maps.SelfOrganizingMap with the declared sizes,
/// each mistake is one diagnostic at the span at fault, and the map pipeline caches plain data.
/// </summary>
public sealed class SelfOrganizingMapGeneratorTests
{
    private const string ColourMap = """
        using NetGen;

        namespace Demo;

        public static partial class Maps
        {
            [SelfOrganizingMap(20, 15, 3)]
            public partial class ColourMap;
        }
        """;

    [Fact]
    public void GeneratedMapCompilesWithItsConstantsAndConstructor()
    {
        var run = GeneratorHarness.Run(ColourMap);

        Assert.Empty(run.NetGenDiagnostics);
        Assert.Empty(run.ProblemsInGeneratedCode);
        Assert.DoesNotContain(run.OutputDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("Demo.Maps.ColourMap.", run.SingleSource.HintName, StringComparison.Ordinal);
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);
        Assert.Equal(20, assembly.Constant("Demo.Maps+ColourMap", "Rows"));
        Assert.Equal(15, assembly.Constant("Demo.Maps+ColourMap", "Columns"));
        Assert.Equal(3, assembly.Constant("Demo.Maps+ColourMap", "InputSize"));
        Assert.Equal(300, assembly.Constant("Demo.Maps+ColourMap", "UnitCount"));
        var map = Assert.IsAssignableFrom<NetGen.Maps.SelfOrganizingMap>(Activator.CreateInstance(assembly.Assembly.GetType("Demo.Maps+ColourMap", throwOnError: true)!));
        Assert.Equal((20, 15, 3, 300), (map.GridRows, map.GridColumns, map.SampleSize, map.GridUnits));
        Assert.Equal(300 * 3, map.Weights.Length);
    }

    [Fact]
    public void MapThatIsNotPartialReportsNG0001() =>
        DiagnosticTests.AssertSingleError("NG0001", """
            using NetGen;

            [SelfOrganizingMap(4, 4, 2)]
            public class [|Plain|];
            """, "'Plain'", "partial");

    [Theory]
    [InlineData("[|0|], 4, 2", "rows = 0")]
    [InlineData("4, [|-3|], 2", "columns = -3")]
    [InlineData("4, 4, [|0|]", "inputSize = 0")]
    public void SizeBelowOneReportsNG0006AtTheArgument(string arguments, string mention) =>
        DiagnosticTests.AssertSingleError("NG0006", """
            using NetGen;

            [SelfOrganizingMap(
            """ + arguments + """
            )]
            public partial class Tiny;
            """, "SelfOrganizingMap 'Tiny'", mention, "at least 1");

    [Fact]
    public void MapThatIsAlsoANetworkReportsNG0029AndGeneratesOnlyTheNetwork()
    {
        var marked = MarkedSource.Parse("""
            using NetGen;

            [Network]
            [Input(2)]
            [Dense(1)]
            [[|SelfOrganizingMap(4, 4, 2)|]]
            public partial class Both;
            """);

        var run = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0029", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.DoesNotContain("SelfOrganizingMap", run.SingleSource.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NetworkAndMapThatIsNotPartialReportsNG0001OnceAndNG0029()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;

            [Network]
            [Input(2)]
            [Dense(1)]
            [SelfOrganizingMap(4, 4, 2)]
            public class Both;
            """);

        Assert.Equal(new[] { "NG0001", "NG0029" }, run.NetGenDiagnostics.Select(diagnostic => diagnostic.Id).Order());
    }

    [Fact]
    public void MapOfMoreThanIntMaxValueFloatsReportsNG0030() =>
        DiagnosticTests.AssertSingleError("NG0030", """
            using NetGen;

            [[|SelfOrganizingMap(1000, 1000, 3000)|]]
            public partial class Huge;
            """, "'Huge'", "3000000000");

    [Fact]
    public void MapDerivedFromAnotherClassReportsNG0002() =>
        DiagnosticTests.AssertSingleError("NG0002", """
            using NetGen;

            public class Base;

            [SelfOrganizingMap(4, 4, 2)]
            public partial class [|Derived|] : Base;
            """, "derived from 'Base'");

    [Theory]
    [InlineData("[SelfOrganizingMap(4, 4")]
    [InlineData("[SelfOrganizingMap(4, 4, \"two\")]")]
    [InlineData("[SelfOrganizingMap]")]
    [InlineData("[SelfOrganizingMap(4, 4, 2)] [SelfOrganizingMap(4, 4, 2)]")]
    public void HalfTypedDeclarationsLeaveTheErrorToTheCompiler(string attribute)
    {
        var run = GeneratorHarness.Run("using NetGen;\n" + attribute + "\npublic partial class Typing;\n");

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.NetGenDiagnostics);
        Assert.Empty(run.GeneratedSources);
        Assert.Contains(run.OutputDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void ParsedMapsHoldNoRoslynObjects()
    {
        var run = GeneratorHarness.Run(ColourMap, "using NetGen; [SelfOrganizingMap(0, 2, 2)] public class Faulty;");

        var values = TrackedSteps.Values(run, NetworkGenerator.Steps.MapParse);

        Assert.Equal(2, values.Count);
        var walker = new ModelGraphWalker();
        for (var index = 0; index < values.Count; index++)
        {
            Assert.IsType<MapModel>(values[index]);
            walker.Walk(values[index], "output[" + index + "]");
        }

        Assert.Empty(walker.Violations);
        Assert.Contains(typeof(DiagnosticInfo), walker.VisitedTypes);
    }

    [Fact]
    public void EditingAnUnrelatedFileReusesTheMapAndEditingTheMapDoesNot()
    {
        var compilation = TestCompilation.Create(ColourMap, "namespace Other; public static class Helper { public static int Answer => 42; }");
        var first = GeneratorHarness.Run(compilation);
        var unrelated = compilation.SyntaxTrees.Last();
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(unrelated,
            TestCompilation.Parse("namespace Other; public static class Helper { public static int Answer => 43; }", unrelated.FilePath)));

        Assert.All(TrackedSteps.Outputs(second, NetworkGenerator.Steps.MapParse), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.All(TrackedSteps.Outputs(second, NetworkGenerator.Steps.MapEmit), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));

        var map = compilation.SyntaxTrees.First();
        var widened = map.WithChangedText(map.GetText().Replace(ColourMap.IndexOf("20, 15", StringComparison.Ordinal), 2, "21"));
        var third = GeneratorHarness.Run(second.Driver, compilation.ReplaceSyntaxTree(map, widened));

        Assert.Contains(TrackedSteps.Outputs(third, NetworkGenerator.Steps.MapParse), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("public const int Rows = 21;", third.SingleSource.Text, StringComparison.Ordinal);
    }
}

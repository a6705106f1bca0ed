using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Analyzers;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>NG0025: a class with layer attributes but no [Network] is not ignored without a word.</summary>
public sealed class MissingNetworkAttributeTests
{
    [Fact]
    public async Task LayersWithoutNetworkReportNG0025OnTheClass()
    {
        var marked = MarkedSource.Parse("""
            using NetGen;

            namespace Demo;

            [Input(2)]
            [Dense(1)]
            public partial class [|ForgottenNet|];
            """);

        var run = await AnalyzerHarness.RunAsync(new MissingNetworkAttributeAnalyzer(), marked.Source);

        Assert.Empty(run.Exceptions);
        var diagnostic = Assert.Single(run.AnalyzerDiagnostics);
        Assert.Equal("NG0025", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("'ForgottenNet' declares NetGen layers but no [Network], so NetGen generates nothing for it; add [Network] to the class",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Empty(run.Generator.GeneratedSources);
    }

    [Theory]
    [InlineData("[Conv2D(2)] internal struct Shapes;")]
    [InlineData("[NetGen.Flatten] internal class Qualified;")]
    public async Task AnyLayerAttributeOnAnyTypeCounts(string declaration)
    {
        var run = await AnalyzerHarness.RunAsync(new MissingNetworkAttributeAnalyzer(), "using NetGen;\n" + declaration);

        Assert.Equal("NG0025", Assert.Single(run.AnalyzerDiagnostics).Id);
    }

    [Fact]
    public async Task NetworkOnAnotherPartReportsNothing()
    {
        var run = await AnalyzerHarness.RunAsync(new MissingNetworkAttributeAnalyzer(), """
            using NetGen;

            namespace Demo;

            /// <summary>Layers here.</summary>
            [Input(2)]
            [Dense(1)]
            public partial class SplitNet;

            /// <summary>[Network] there.</summary>
            [Network]
            public partial class SplitNet;
            """);

        DiagnosticAssert.None(run.AnalyzerDiagnostics, "analyzer diagnostics");
        Assert.Single(run.Generator.GeneratedSources);
    }

    [Fact]
    public async Task OtherAttributesNamedLikeLayersReportNothing()
    {
        var run = await AnalyzerHarness.RunAsync(new MissingNetworkAttributeAnalyzer(), """
            namespace Other
            {
                internal sealed class DenseAttribute : System.Attribute
                {
                }

                [Dense]
                internal sealed class NotANetwork
                {
                }
            }
            """);

        DiagnosticAssert.None(run.AnalyzerDiagnostics.Where(diagnostic => diagnostic.Id.StartsWith("NG", System.StringComparison.Ordinal)), "NetGen diagnostics");
    }
}

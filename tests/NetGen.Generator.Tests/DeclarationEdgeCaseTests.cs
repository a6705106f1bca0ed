using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>Declarations at the edges of the language: unusual names, half-typed code, unsupported kinds of type.</summary>
public sealed class DeclarationEdgeCaseTests
{
    [Fact]
    public void NetworksWhoseNamesDifferOnlyInCaseBothGenerate()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            namespace Demo;
            /// <summary>One.</summary>
            [Network][Input(2)][Dense(1)] public partial class Net;
            /// <summary>Two.</summary>
            [Network][Input(2)][Dense(1)] public partial class NET;
            """);

        Assert.Null(run.Result.Exception);
        Assert.Equal(2, run.GeneratedSources.Count);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings");
    }

    [Fact]
    public void EscapedNamespaceGenerates()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            namespace @class.Demo;
            /// <summary>Escaped namespace.</summary>
            [Network][Input(2)][Dense(1)] public partial class N;
            """);

        Assert.Null(run.Result.Exception);
        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings");
    }

    [Fact]
    public void KeywordNamedTypesGenerateEscapedNames()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            namespace Demo;
            internal partial class @event
            {
                [Network][Input(2)][Dense(1)] internal partial class @class;
            }
            """);

        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings");
    }

    [Fact]
    public void NetworkAttributeOnTwoPartsDoesNotCrash()
    {
        var run = GeneratorHarness.Run(
            "using NetGen; [Network][Input(2)][Dense(1)] internal partial class N;",
            "using NetGen; [Network] internal partial class N;");

        Assert.Null(run.Result.Exception);
    }

    [Fact]
    public void NamelessClassEmitsNothing()
    {
        var run = GeneratorHarness.Run("using NetGen; [Network][Input(2)][Dense(1)] public partial class");

        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("Weight")]
    [InlineData("Bias")]
    [InlineData("InputSize")]
    [InlineData("OutputSize")]
    [InlineData("ParameterCount")]
    [InlineData("Layers")]
    public void LayerNamedLikeAGeneratedMemberIsRejected(string layerName)
    {
        var run = GeneratorHarness.Run("using NetGen; [Network][Input(2)][Dense(1, Name = \"" + layerName + "\")] internal partial class N;");

        DiagnosticAssert.None(run.ProblemsInGeneratedCode, "errors or warnings in generated code");
        Assert.Contains(run.NetGenDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("struct")]
    [InlineData("interface")]
    public void NetworkOnANonClassEmitsNothing(string keyword)
    {
        var run = GeneratorHarness.Run("using NetGen; [Network][Input(2)][Dense(1)] internal partial " + keyword + " N;");

        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void FileLocalNetworkIsRejected()
    {
        var run = GeneratorHarness.Run("using NetGen; [Network][Input(2)][Dense(1)] file partial class N;");

        Assert.Contains(run.NetGenDiagnostics, diagnostic => diagnostic.Id == "NG0002");
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("[Network][Input(2)][Dense(1, Activation = (Activation)99)]")]
    [InlineData("[Network][Input(2)][Dense(1, Initializer = (Initializer)42)]")]
    [InlineData("[Network(Loss = (Loss)42)][Input(2)][Dense(1)]")]
    [InlineData("[Network(Reduction = (LossReduction)7)][Input(2)][Dense(1)]")]
    public void UndefinedEnumValueIsReported(string attributes)
    {
        var run = GeneratorHarness.Run("using NetGen; " + attributes + " internal partial class N;");

        Assert.Empty(run.GeneratedSources);
        Assert.Contains(run.NetGenDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("[Network][Input()][Dense(1)]")]
    [InlineData("[Network][Input(2)][Dense(\"x\")]")]
    [InlineData("[Network(Loss = 3)][Input(2)][Dense(1)]")]
    public void CompilerErrorInAnAttributeIsNotRepeatedByNetGen(string attributes)
    {
        var run = GeneratorHarness.Run("using NetGen; " + attributes + " internal partial class N;");

        Assert.Contains(run.OutputDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        DiagnosticAssert.None(run.NetGenDiagnostics, "NetGen diagnostics");
    }

    [Fact]
    public void DerivedNetworkIsRejected()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            [Network][Input(2)][Dense(1)] internal partial class Base;
            [Network][Input(3)][Dense(1)] internal partial class Derived : Base;
            """);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0002", diagnostic.Id);
        Assert.Contains("derived from network 'Base'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings");
    }
}

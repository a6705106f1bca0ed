using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Emit;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>
/// NG0026: a member of the user's that the generated part declares too is reported on the user's member, and the network
/// generates nothing, rather than the compiler reporting CS0102 or CS0111 inside the generated file.
/// </summary>
public sealed class MemberCollisionTests
{
    [Theory]
    [InlineData("public const int [|InputSize|] = 2;", "constant InputSize")]
    [InlineData("public void [|Forward|](System.ReadOnlySpan<float> x, System.Span<float> y) { }", "method Forward(System.ReadOnlySpan<float>, System.Span<float>)")]
    [InlineData("public NetGen.TrainingHistory [|Fit|](NetGen.Dataset data, NetGen.TrainingOptions options) => null!;", "method Fit(NetGen.Dataset, NetGen.TrainingOptions)")]
    [InlineData("public int [|Parameters|] { get; set; }", "property Parameters")]
    [InlineData("private float[] [|_parameters|] = new float[1];", "field _parameters")]
    [InlineData("public void [|Seed|]() { }", "property Seed")]
    [InlineData("public sealed class [|Layers|] { }", "class Layers")]
    [InlineData("int NetGen.INetwork.[|InputSize|] => 2;", "property NetGen.INetwork.InputSize")]
    [InlineData("private float[] [|_a_Hidden|] = new float[1];", "field _a_Hidden")]
    public void MemberDeclaredByTheGeneratedPartReportsNG0026(string member, string generated)
    {
        var marked = MarkedSource.Parse("""
            using NetGen;

            namespace Demo;

            [Network]
            [Input(2)]
            [Dense(4, Name = "Hidden")]
            [Dense(1)]
            public partial class CollidingNet
            {
            """ + "\n    " + member + """

            }
            """);

        var run = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0026", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("collides with the " + generated + " that NetGen generates for network 'CollidingNet'",
            diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("public void Forward(float[] inputs) { }")]
    [InlineData("public void Forward<T>(System.ReadOnlySpan<float> x, System.Span<float> y) { }")]
    [InlineData("public void Forward(ref System.ReadOnlySpan<float> x, System.Span<float> y) { }")]
    [InlineData("public float[] Predict(float[] sample) => sample;")]
    [InlineData("public int Width { get; } = 3;")]
    [InlineData("public CollidingNet() { }")]
    [InlineData("public override string ToString() => NetworkName;")]
    public void OverloadsAndOtherNamesGenerateWithoutWarnings(string member)
    {
        var run = GeneratorHarness.Run("""
            using NetGen;

            namespace Demo;

            /// <summary>A network with a member of its own.</summary>
            [Network]
            [Input(2)]
            [Dense(1)]
            public partial class CollidingNet
            {
            #pragma warning disable CS1591
            """ + "\n    " + member + """

            }
            """);

        DiagnosticAssert.None(run.NetGenDiagnostics, "NetGen diagnostics");
        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings in the output compilation");
    }

    public static TheoryData<string> ValidNetworkNames => new(ValidNetworks.ByName.Keys.OrderBy(name => name, System.StringComparer.Ordinal));

    /// <summary>What the check reads from the emitted text is every member the compiler finds in the generated part, each with the same signature the user's would have.</summary>
    [Theory]
    [MemberData(nameof(ValidNetworkNames))]
    public void GeneratedMembersAreEveryMemberOfTheGeneratedPart(string networkName)
    {
        var run = GeneratorHarness.Run(ValidNetworks.ByName[networkName]);
        var parsed = TrackedSteps.Values(run, NetworkGenerator.Steps.Parse).OfType<NetworkModel>().Single();
        var generatedTree = run.OutputCompilation.SyntaxTrees.Single(tree => !run.InputCompilation.SyntaxTrees.Contains(tree));
        var networkClass = generatedTree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().First(type => type.Identifier.ValueText == parsed.ClassName);
        var network = (INamedTypeSymbol)run.OutputCompilation.GetSemanticModel(generatedTree).GetDeclaredSymbol(networkClass)!;

        var declaredThere = UserMembers.Read(network)
            .Where(member => member.Location?.FilePath == generatedTree.FilePath)
            .Select(member => Signature(member.Name, member.IsMethod, member.Arity, member.Parameters));
        var read = GeneratedMembers.Read(generatedTree.ToString(), parsed)
            .Select(member => Signature(member.Name, member.IsMethod, member.Arity, member.Parameters));

        Assert.NotEmpty(read);
        Assert.Equal(Sorted(declaredThere), Sorted(read));
    }

    private static string Signature(string name, bool isMethod, int arity, string parameters) =>
        isMethod ? name + "`" + arity + "(" + parameters + ")" : name;

    private static string Sorted(System.Collections.Generic.IEnumerable<string> signatures) =>
        string.Join("\n", signatures.OrderBy(signature => signature, System.StringComparer.Ordinal));
}

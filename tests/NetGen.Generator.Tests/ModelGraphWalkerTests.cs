using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>The purity check itself: it must find Roslyn objects wherever they hide.</summary>
public sealed class ModelGraphWalkerTests
{
    private sealed record Holder(object? Inner, object[] Items);

    private readonly record struct BoxedHolder(object? Inner);

    [Fact]
    public void FindsASyntaxTreeInANestedField()
    {
        var walker = new ModelGraphWalker();

        walker.Walk(new Holder(new Holder(CSharpSyntaxTree.ParseText("class C { }"), []), []), "root");

        var violation = Assert.Single(walker.Violations);
        Assert.StartsWith("root.<Inner>k__BackingField.<Inner>k__BackingField is a ", violation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void FindsASymbolInAnArrayAndALocationInABoxedStruct()
    {
        var compilation = CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText("class C { }") });
        var symbol = compilation.GetTypeByMetadataName("C")!;
        var walker = new ModelGraphWalker();

        walker.Walk(new Holder(new BoxedHolder(symbol.Locations[0]), new object[] { 1, "text", symbol }), "root");

        Assert.Equal(2, walker.Violations.Count);
        Assert.Contains(walker.Violations, violation => violation.Contains("(Location)", System.StringComparison.Ordinal));
        Assert.Contains(walker.Violations, violation => violation.Contains("(ISymbol)", System.StringComparison.Ordinal));
    }

    [Fact]
    public void AcceptsPlainDataAndSurvivesCycles()
    {
        var items = new object[1];
        var holder = new Holder("plain", items);
        items[0] = holder;
        var walker = new ModelGraphWalker();

        walker.Walk(holder, "root");

        Assert.Empty(walker.Violations);
        Assert.Contains(typeof(Holder), walker.VisitedTypes);
    }
}

using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>
/// Spells [Flatten] the way the [Dense], [Maxout] or [Rbf] beside it is spelled: <c>Dense</c> gives <c>Flatten</c>,
/// <c>NetGen.MaxoutAttribute</c> gives <c>NetGen.FlattenAttribute</c>. An alias gives the fully qualified name.
/// </summary>
internal static class FlattenAttributeName
{
    public static NameSyntax Like(NameSyntax denseName) => denseName switch
    {
        QualifiedNameSyntax qualified when Renamed(qualified.Right) is { } right => qualified.WithRight(right),
        AliasQualifiedNameSyntax aliasQualified when Renamed(aliasQualified.Name) is { } name => aliasQualified.WithName(name),
        SimpleNameSyntax simple when Renamed(simple) is { } renamed => renamed,
        _ => SyntaxFactory.ParseName("global::NetGen.Flatten"),
    };

    private static SimpleNameSyntax? Renamed(SimpleNameSyntax name) => name.Identifier.ValueText switch
    {
        "Dense" or "Maxout" or "Rbf" => SyntaxFactory.IdentifierName(PlainTokens.Identifier("Flatten")),
        "DenseAttribute" or "MaxoutAttribute" or "RbfAttribute" => SyntaxFactory.IdentifierName(PlainTokens.Identifier("FlattenAttribute")),
        _ => null,
    };
}

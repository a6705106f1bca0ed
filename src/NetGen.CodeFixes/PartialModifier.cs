using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>Adds the <c>partial</c> modifier to one type declaration.</summary>
internal static class PartialModifier
{
    public static bool IsPresent(TypeDeclarationSyntax declaration) => declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>
    /// Adds <c>partial</c> as the last modifier, immediately before the type keyword, where C# requires it
    /// (after <c>ref</c> and <c>readonly</c> too: <c>public readonly ref partial struct</c>).
    /// </summary>
    public static TypeDeclarationSyntax Add(TypeDeclarationSyntax declaration)
    {
        var partial = PlainTokens.TokenThenSpace(SyntaxKind.PartialKeyword);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }

        // Without modifiers the keyword carries the declaration's indentation and comments: they move to 'partial'.
        var keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}

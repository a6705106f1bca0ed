using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.CodeFixes;

/// <summary>
/// Tokens with exactly the trivia given. SyntaxFactory's defaults carry elastic trivia, which a code action's
/// clean-up hands to the formatter; the fixes here lay out their text themselves and must not be reformatted.
/// </summary>
internal static class PlainTokens
{
    public static SyntaxToken Token(SyntaxKind kind) => SyntaxFactory.Token(default, kind, default);

    public static SyntaxToken TokenThenSpace(SyntaxKind kind) => SyntaxFactory.Token(default, kind, SyntaxFactory.TriviaList(SyntaxFactory.Space));

    public static SyntaxToken Identifier(string text) => SyntaxFactory.Identifier(default, text, default);

    public static SyntaxToken Number(int value) => SyntaxFactory.Literal(default, value.ToString(System.Globalization.CultureInfo.InvariantCulture), value, default);
}

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>Adds and removes an attribute's named arguments ("Sequence = true"), laid out as a person would type them.</summary>
internal static class NamedArguments
{
    /// <summary>The attribute with <c>name = true</c> after its other arguments.</summary>
    public static AttributeSyntax WithTrue(AttributeSyntax attribute, string name)
    {
        var nameThenSpace = SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(default, name, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
        var argument = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(nameThenSpace, PlainTokens.TokenThenSpace(SyntaxKind.EqualsToken)),
            null,
            SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression, PlainTokens.Token(SyntaxKind.TrueKeyword)));
        if (attribute.ArgumentList is not { } list)
        {
            return attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(
                PlainTokens.Token(SyntaxKind.OpenParenToken), SyntaxFactory.SingletonSeparatedList(argument), PlainTokens.Token(SyntaxKind.CloseParenToken)));
        }

        // The separators written stay as they are; the new one goes before the new argument.
        var separators = list.Arguments.GetSeparators().Take(list.Arguments.Count - 1).ToList();
        if (list.Arguments.Count > 0)
        {
            separators.Add(PlainTokens.TokenThenSpace(SyntaxKind.CommaToken));
        }

        var arguments = SyntaxFactory.SeparatedList(list.Arguments.Add(argument), separators);
        return attribute.WithArgumentList(list.WithArguments(arguments));
    }

    /// <summary>The attribute without its named argument <paramref name="name"/> (and without empty parentheses after it).</summary>
    public static AttributeSyntax Without(AttributeSyntax attribute, string name)
    {
        if (attribute.ArgumentList is not { } list || Find(attribute, name) is not { } argument)
        {
            return attribute;
        }

        var arguments = list.Arguments.Remove(argument);
        return arguments.Count == 0 ? attribute.WithArgumentList(null) : attribute.WithArgumentList(list.WithArguments(arguments));
    }

    public static AttributeArgumentSyntax? Find(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name);
}

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>Inserts [Flatten] immediately before a [Dense], [Maxout] or [Rbf] attribute, keeping the layout around it.</summary>
internal static class FlattenInsertion
{
    public static SyntaxNode InsertBefore(SyntaxNode root, AttributeSyntax dense, AttributeListSyntax list)
    {
        var flatten = SyntaxFactory.Attribute(FlattenAttributeName.Like(dense.Name));
        return list.Attributes.Count == 1
            ? root.ReplaceNode(list, ListBefore(list, flatten))
            : root.ReplaceNode(list, InsideList(list, dense, flatten));
    }

    /// <summary>
    /// [Flatten] as a list of its own before <paramref name="list"/>: on its own line with the same indentation
    /// when the list starts a line, otherwise on the same line followed by a space.
    /// </summary>
    private static SyntaxNode[] ListBefore(AttributeListSyntax list, AttributeSyntax flatten)
    {
        var flattenList = SyntaxFactory.AttributeList(
            PlainTokens.Token(SyntaxKind.OpenBracketToken), target: null, SyntaxFactory.SingletonSeparatedList(flatten), PlainTokens.Token(SyntaxKind.CloseBracketToken));
        var leading = list.GetLeadingTrivia();
        if (!StartsLine(list))
        {
            return new SyntaxNode[] { flattenList.WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.Space), list.WithLeadingTrivia() };
        }

        var indentation = Indentation(leading);
        var endOfLine = EndOfLine(list);
        if (IsFirstListOfDeclaration(list))
        {
            // Comments (documentation comments above all) in front of the first list belong to the declaration: they stay first.
            return new SyntaxNode[] { flattenList.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine), list.WithLeadingTrivia(indentation) };
        }

        // Comments in front of a later list describe that layer: they stay with it.
        return new SyntaxNode[] { flattenList.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine), list };
    }

    /// <summary>Flatten as an element of <paramref name="list"/>, separated the way its elements already are.</summary>
    private static AttributeListSyntax InsideList(AttributeListSyntax list, AttributeSyntax dense, AttributeSyntax flatten)
    {
        var attributes = list.Attributes;
        var index = attributes.IndexOf(dense);

        // The separator before [Dense] (or after it, when it comes first) and what follows that separator set the layout.
        var model = index > 0 ? index - 1 : 0;
        var separator = attributes.GetSeparator(model);
        var afterSeparator = attributes[model + 1].GetLeadingTrivia();

        var elements = SyntaxFactory.NodeOrTokenList();
        foreach (var element in attributes.GetWithSeparators())
        {
            if (element.IsNode && element.AsNode() == dense)
            {
                elements = elements
                    .Add(flatten.WithLeadingTrivia(dense.GetLeadingTrivia()))
                    .Add(separator)
                    .Add(dense.WithLeadingTrivia(afterSeparator));
            }
            else
            {
                elements = elements.Add(element);
            }
        }

        return list.WithAttributes(SyntaxFactory.SeparatedList<AttributeSyntax>(elements));
    }

    private static bool StartsLine(AttributeListSyntax list)
    {
        var text = list.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(list.SpanStart);
        for (var position = line.Start; position < list.SpanStart; position++)
        {
            if (!char.IsWhiteSpace(text[position]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The whitespace after the last line break of <paramref name="leading"/>.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var indentation = leading.Reverse().TakeWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
        return SyntaxFactory.TriviaList(indentation);
    }

    /// <summary>The line break the document already uses before the list, or the first one in the document, or a line feed.</summary>
    private static SyntaxTrivia EndOfLine(AttributeListSyntax list)
    {
        var before = list.GetFirstToken().GetPreviousToken().TrailingTrivia.Concat(list.GetLeadingTrivia());
        var endOfLine = before.LastOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
        {
            return endOfLine;
        }

        endOfLine = list.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.LineFeed;
    }

    private static bool IsFirstListOfDeclaration(AttributeListSyntax list) =>
        list.Parent is MemberDeclarationSyntax declaration && declaration.AttributeLists.First() == list;
}

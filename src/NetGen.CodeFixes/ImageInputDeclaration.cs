using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>Rewrites [Input(n²)] as [Input(1, n, n)], in whichever document of the solution the input is declared.</summary>
internal static class ImageInputDeclaration
{
    public static string Title(int side)
    {
        var text = side.ToString(CultureInfo.InvariantCulture);
        return "Declare the input as 1×" + text + "×" + text;
    }

    public static async Task<Solution> DeclareAsync(Solution solution, SquareVectorInput input, CancellationToken cancellationToken)
    {
        var tree = input.Input.SyntaxTree;
        if (solution.GetDocument(tree) is not { } document || input.Input.ArgumentList is not { } arguments)
        {
            return solution;
        }

        var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(arguments, ImageArguments(arguments, input.Side)));
    }

    /// <summary>(1, side, side), keeping the parentheses and the trivia around them.</summary>
    private static AttributeArgumentListSyntax ImageArguments(AttributeArgumentListSyntax arguments, int side)
    {
        var comma = PlainTokens.TokenThenSpace(SyntaxKind.CommaToken);
        var dimensions = SyntaxFactory.SeparatedList(
            new[] { Dimension(1), Dimension(side), Dimension(side) },
            new[] { comma, comma });
        return arguments.WithArguments(dimensions);
    }

    private static AttributeArgumentSyntax Dimension(int value) =>
        SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, PlainTokens.Number(value)));
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.CodeFixes;

/// <summary>
/// A vector [Input(n²)] that feeds a convolution or pooling layer directly, and so can be declared as the
/// one-channel n×n image it most likely is.
/// </summary>
internal sealed class SquareVectorInput(AttributeSyntax input, int side)
{
    private const string InputAttributeName = "InputAttribute";

    public AttributeSyntax Input { get; } = input;

    public int Side { get; } = side;

    /// <summary>The input in front of the layer attribute at <paramref name="layerSpan"/>, or null when there is no such square vector input.</summary>
    public static async Task<SquareVectorInput?> FindAsync(Document document, TextSpan layerSpan, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(layerSpan).FirstAncestorOrSelf<AttributeSyntax>() is not { Parent.Parent: TypeDeclarationSyntax declaration } layer)
        {
            return null;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol network)
        {
            return null;
        }

        var layers = LayerAttributes.InStackOrder(network, cancellationToken);
        var index = IndexOf(layers, layer);
        if (index < 1 || !layers[index - 1].Is(InputAttributeName))
        {
            // Only an input that feeds the layer directly can fix it; after another layer the vector is that layer's.
            return null;
        }

        var input = layers[index - 1];
        var arguments = input.Data.ConstructorArguments;
        return arguments.Length == 1 && arguments[0].Value is int size && SquareSide(size) is { } side
            ? new SquareVectorInput(input.Syntax, side)
            : null;
    }

    private static int IndexOf(IReadOnlyList<LayerAttribute> layers, AttributeSyntax syntax)
    {
        for (var index = 0; index < layers.Count; index++)
        {
            if (layers[index].Syntax.SyntaxTree == syntax.SyntaxTree && layers[index].Syntax.Span == syntax.Span)
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>n when <paramref name="size"/> is n² for a whole n ≥ 1, otherwise null.</summary>
    private static int? SquareSide(int size)
    {
        if (size < 1)
        {
            return null;
        }

        var side = (int)Math.Round(Math.Sqrt(size));
        return (long)side * side == size ? side : null;
    }
}

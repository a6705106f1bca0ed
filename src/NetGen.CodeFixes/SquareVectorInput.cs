using System;
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
        // Only an input that feeds the layer directly can fix it; after another layer the vector is that layer's.
        if (await StackedLayer.FindAsync(document, layerSpan, cancellationToken).ConfigureAwait(false) is not { Below: { } input } || !input.Is(InputAttributeName))
        {
            return null;
        }

        var arguments = input.Data.ConstructorArguments;
        return arguments.Length == 1 && arguments[0].Value is int size && SquareSide(size) is { } side
            ? new SquareVectorInput(input.Syntax, side)
            : null;
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

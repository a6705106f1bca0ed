using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.CodeFixes;

/// <summary>The layer attribute a diagnostic covers, and the layer stacked directly below it (null for the first).</summary>
internal sealed class StackedLayer(LayerAttribute layer, LayerAttribute? below)
{
    public LayerAttribute Layer { get; } = layer;

    public LayerAttribute? Below { get; } = below;

    /// <summary>The layer whose attribute is at <paramref name="layerSpan"/>, or null when the span is on no layer of a network class.</summary>
    public static async Task<StackedLayer?> FindAsync(Document document, TextSpan layerSpan, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(layerSpan).FirstAncestorOrSelf<AttributeSyntax>() is not { Parent.Parent: TypeDeclarationSyntax declaration } syntax)
        {
            return null;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol network)
        {
            return null;
        }

        var layers = LayerAttributes.InStackOrder(network, cancellationToken);
        var index = IndexOf(layers, syntax);
        return index < 0 ? null : new StackedLayer(layers[index], index > 0 ? layers[index - 1] : null);
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
}

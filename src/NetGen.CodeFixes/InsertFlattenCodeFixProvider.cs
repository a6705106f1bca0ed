using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>NG0010: inserts [Flatten] before a dense, maxout or RBF layer whose input is a matrix or an image.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertFlattenCodeFixProvider))]
[Shared]
public sealed class InsertFlattenCodeFixProvider : CodeFixProvider
{
    private const string Title = "Insert [Flatten] before the layer";
    private const string EquivalenceKey = "NetGen.InsertFlatten";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(NetGenDiagnosticIds.LayerNeedsVector);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // The diagnostic covers the layer's attribute itself.
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>() is not { Parent: AttributeListSyntax list } dense)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => InsertAsync(context.Document, dense, list, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> InsertAsync(Document document, AttributeSyntax dense, AttributeListSyntax list, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(FlattenInsertion.InsertBefore(root, dense, list));
    }
}

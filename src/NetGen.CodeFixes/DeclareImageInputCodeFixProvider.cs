using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0016: a convolution or pooling layer reads a vector input of n² features; corrects the declared
/// input to the one-channel n×n image the layer needs. Offered only for a square size read directly by the layer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareImageInputCodeFixProvider))]
[Shared]
public sealed class DeclareImageInputCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "NetGen.DeclareImageInput";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(NetGenDiagnosticIds.LayerNeedsImage);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var input = await SquareVectorInput.FindAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (input is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    ImageInputDeclaration.Title(input.Side),
                    cancellationToken => ImageInputDeclaration.DeclareAsync(context.Document.Project.Solution, input, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }
}

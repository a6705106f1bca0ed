using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0033: a layer that takes a vector follows a recurrent layer's sequence. Offers, in this order: keeping only the last
/// step (removing <c>ReturnSequences = true</c> from the recurrent layer directly below), applying a dense layer at every
/// step (<c>PerStep = true</c>), and inserting [Flatten].
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SequenceIntoVectorCodeFixProvider))]
[Shared]
public sealed class SequenceIntoVectorCodeFixProvider : CodeFixProvider
{
    private const string RecurrentAttributeBase = "RecurrentAttribute";
    private const string DenseAttributeName = "DenseAttribute";
    private const string ReturnSequences = "ReturnSequences";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(NetGenDiagnosticIds.SequenceIntoVectorLayer);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await StackedLayer.FindAsync(document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false) is not { } stacked)
            {
                continue;
            }

            if (stacked.Below is { } below && IsRecurrent(below) && NamedArguments.Find(below.Syntax, ReturnSequences) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Return only the last step of the layer below",
                        cancellationToken => ReplaceAsync(document.Project.Solution, below.Syntax, NamedArguments.Without(below.Syntax, ReturnSequences), cancellationToken),
                        "NetGen.ReturnLastStep"),
                    diagnostic);
            }

            if (stacked.Layer.Is(DenseAttributeName))
            {
                var dense = stacked.Layer.Syntax;
                context.RegisterCodeFix(
                    CodeAction.Create("Apply the dense layer at every step",
                        cancellationToken => ReplaceAsync(document.Project.Solution, dense, NamedArguments.WithTrue(dense, "PerStep"), cancellationToken),
                        "NetGen.ApplyPerStep"),
                    diagnostic);
            }

            if (stacked.Layer.Syntax is { Parent: AttributeListSyntax list } layer)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Insert [Flatten] before the layer", cancellationToken => InsertFlattenAsync(document, layer, list, cancellationToken), "NetGen.InsertFlatten"),
                    diagnostic);
            }
        }
    }

    private static bool IsRecurrent(LayerAttribute layer)
    {
        for (var type = layer.Data.AttributeClass; type is not null; type = type.BaseType)
        {
            if (LayerAttributes.IsNetGen(type, RecurrentAttributeBase))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Solution> ReplaceAsync(Solution solution, AttributeSyntax old, AttributeSyntax replacement, CancellationToken cancellationToken)
    {
        var tree = old.SyntaxTree;
        if (solution.GetDocument(tree) is not { } document)
        {
            return solution;
        }

        var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(old, replacement));
    }

    private static async Task<Solution> InsertFlattenAsync(Document document, AttributeSyntax layer, AttributeListSyntax list, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document.Project.Solution : document.WithSyntaxRoot(FlattenInsertion.InsertBefore(root, layer, list)).Project.Solution;
    }
}

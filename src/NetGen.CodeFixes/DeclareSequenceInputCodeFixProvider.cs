using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0032: a recurrent layer reads a two-dimensional input declared as an image; adds <c>Sequence = true</c> to the input.
/// Offered only where the input feeds the layer directly.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareSequenceInputCodeFixProvider))]
[Shared]
public sealed class DeclareSequenceInputCodeFixProvider : CodeFixProvider
{
    private const string InputAttributeName = "InputAttribute";
    private const string EquivalenceKey = "NetGen.DeclareSequenceInput";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(NetGenDiagnosticIds.RecurrentNeedsSequence);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var stacked = await StackedLayer.FindAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (stacked?.Below is not { } input || !input.Is(InputAttributeName) || input.Data.ConstructorArguments.Length != 2 ||
                input.Data.ConstructorArguments[0].Value is not int steps || input.Data.ConstructorArguments[1].Value is not int features)
            {
                continue;
            }

            var title = "Declare the input as a sequence of " + steps.ToString(CultureInfo.InvariantCulture) + " steps of " +
                        features.ToString(CultureInfo.InvariantCulture) + " features";
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => DeclareAsync(context.Document.Project.Solution, input, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> DeclareAsync(Solution solution, LayerAttribute input, CancellationToken cancellationToken)
    {
        var tree = input.Syntax.SyntaxTree;
        if (solution.GetDocument(tree) is not { } document)
        {
            return solution;
        }

        var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(input.Syntax, NamedArguments.WithTrue(input.Syntax, "Sequence")));
    }
}

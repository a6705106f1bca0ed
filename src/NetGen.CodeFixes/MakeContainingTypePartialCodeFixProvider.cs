using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace NetGen.CodeFixes;

/// <summary>NG0003: adds <c>partial</c> to the type that contains a network (to each of its declarations that lacks it).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeContainingTypePartialCodeFixProvider))]
[Shared]
public sealed class MakeContainingTypePartialCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "NetGen.MakeContainingTypePartial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(NetGenDiagnosticIds.ContainingTypeNotPartial);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var declaration = await PartialTypeFix.FindDeclarationAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (declaration is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Make containing type '" + declaration.Identifier.ValueText + "' partial",
                    cancellationToken => PartialTypeFix.MakePartialAsync(context.Document, declaration, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }
}

using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0025: a class with layer attributes but no [Network] gets <c>[Network]</c> as its first attribute list (written as its
/// layer attributes are, <c>NetGen.Network</c> where they are qualified), and <c>partial</c> when it lacks it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddNetworkAttributeCodeFixProvider))]
[Shared]
public sealed class AddNetworkAttributeCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "NetGen.AddNetworkAttribute";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(NetGenDiagnosticIds.LayersWithoutNetwork);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var declaration = await PartialTypeFix.FindDeclarationAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (declaration is not ClassDeclarationSyntax { AttributeLists.Count: > 0 } network)
            {
                continue; // [Network] goes on classes only; a struct with layers needs more than an attribute
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add [Network] to '" + network.Identifier.ValueText + "'",
                    cancellationToken => AddAsync(context.Document, network, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddAsync(Document document, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // The new list takes the declaration's leading trivia (doc comment, indentation); the old first list keeps the indentation.
        var first = declaration.AttributeLists[0];
        var leading = first.GetLeadingTrivia();
        var indentation = leading.LastOrDefault() is { RawKind: (int)SyntaxKind.WhitespaceTrivia } whitespace ? SyntaxFactory.TriviaList(whitespace) : default;
        var network = SyntaxFactory.AttributeList(
                PlainTokens.Token(SyntaxKind.OpenBracketToken),
                null,
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.ParseName(NetworkAttributeName(declaration)))),
                PlainTokens.Token(SyntaxKind.CloseBracketToken))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine("\n"));
        var lists = declaration.AttributeLists.Replace(first, first.WithLeadingTrivia(indentation)).Insert(0, network);
        TypeDeclarationSyntax fixedDeclaration = declaration.WithAttributeLists(lists);
        if (!PartialModifier.IsPresent(fixedDeclaration))
        {
            fixedDeclaration = PartialModifier.Add(fixedDeclaration);
        }

        return document.WithSyntaxRoot(root.ReplaceNode(declaration, fixedDeclaration));
    }

    /// <summary>"NetGen.Network" where the class's attributes are written qualified ([NetGen.Dense(4)]), else "Network".</summary>
    private static string NetworkAttributeName(ClassDeclarationSyntax declaration) =>
        declaration.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => attribute.Name.ToString().StartsWith("NetGen.", System.StringComparison.Ordinal) ||
                                                                                        attribute.Name.ToString().StartsWith("global::NetGen.", System.StringComparison.Ordinal))
            ? "NetGen.Network"
            : "Network";
}

using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.CodeFixes;

/// <summary>Makes a type partial: adds the modifier to every declaration of it that lacks it, in whichever document it is.</summary>
internal static class PartialTypeFix
{
    /// <summary>The type declaration whose identifier the diagnostic points at, or null.</summary>
    public static async Task<TypeDeclarationSyntax?> FindDeclarationAsync(Document document, TextSpan identifierSpan, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root?.FindToken(identifierSpan.Start).Parent as TypeDeclarationSyntax;
    }

    public static async Task<Solution> MakePartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var declarations = model?.GetDeclaredSymbol(declaration, cancellationToken) is { } type
            ? type.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>()
            : new[] { declaration };

        var solution = document.Project.Solution;
        foreach (var inOneTree in declarations.Where(candidate => !PartialModifier.IsPresent(candidate)).GroupBy(candidate => candidate.SyntaxTree))
        {
            if (solution.GetDocument(inOneTree.Key) is not { } target)
            {
                continue;
            }

            var root = await inOneTree.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var fixedRoot = root.ReplaceNodes(inOneTree, (_, rewritten) => PartialModifier.Add(rewritten));
            solution = solution.WithDocumentSyntaxRoot(target.Id, fixedRoot);
        }

        return solution;
    }
}

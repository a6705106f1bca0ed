using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Model;

/// <summary>An equatable copy of a <see cref="Location"/>: the model must not hold syntax trees.</summary>
internal sealed record SourceLocation(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static SourceLocation? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new SourceLocation(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public static SourceLocation? From(SyntaxReference? reference) =>
        reference is null ? null : From(reference.GetSyntax().GetLocation());

    /// <summary>
    /// The location in <paramref name="compilation"/>'s tree of <see cref="FilePath"/>, where #pragma warning disable applies;
    /// a location in a file outside the compilation where there is no such tree.
    /// </summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath && Span.End <= tree.Length)
            {
                return Location.Create(tree, Span);
            }
        }

        return Location.Create(FilePath, Span, LineSpan);
    }
}

using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Source text with one span marked as [|...|], the way Roslyn's own tests mark where a diagnostic belongs.</summary>
internal sealed record MarkedSource(string Source, TextSpan Span)
{
    private const string Open = "[|";
    private const string Close = "|]";

    public static MarkedSource Parse(string marked)
    {
        var start = marked.IndexOf(Open, System.StringComparison.Ordinal);
        var end = marked.IndexOf(Close, System.StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The source marks no span with [|...|].");
        Assert.True(marked.IndexOf(Open, end, System.StringComparison.Ordinal) < 0, "The source marks more than one span.");

        var source = marked.Remove(end, Close.Length).Remove(start, Open.Length);
        return new MarkedSource(source, TextSpan.FromBounds(start, end - Open.Length));
    }

    public string MarkedText => Source.Substring(Span.Start, Span.Length);
}

using System;
using System.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Describes how two texts differ: the first differing line, with a little context from both.</summary>
internal static class SnapshotDiff
{
    private const int ContextLines = 3;

    /// <summary>Null when the texts are equal, otherwise a human-readable description of the first difference.</summary>
    public static string? Describe(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return null;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = 0;
        while (first < expectedLines.Length && first < actualLines.Length &&
               string.Equals(expectedLines[first], actualLines[first], StringComparison.Ordinal))
        {
            first++;
        }

        var builder = new StringBuilder();
        builder.Append("First difference at line ").Append(first + 1)
            .Append(" (verified has ").Append(expectedLines.Length)
            .Append(" lines, received has ").Append(actualLines.Length).Append(").\n");
        AppendExcerpt(builder, "verified", expectedLines, first);
        AppendExcerpt(builder, "received", actualLines, first);
        return builder.ToString();
    }

    private static void AppendExcerpt(StringBuilder builder, string label, string[] lines, int first)
    {
        builder.Append("--- ").Append(label).Append(" ---\n");
        var start = Math.Max(0, first - ContextLines);
        var end = Math.Min(lines.Length, first + ContextLines + 1);
        for (var index = start; index < end; index++)
        {
            builder.Append(index == first ? "> " : "  ")
                .Append((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5))
                .Append(" | ").Append(lines[index]).Append('\n');
        }

        if (first >= lines.Length)
        {
            builder.Append(">       | <end of text>\n");
        }
    }
}

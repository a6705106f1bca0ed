using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// One diagnostic as MSBuild prints it: <c>path(line,col): error NG0004: message [project]</c>, or without
/// a position (<c>CSC : error CS0006: …</c>), in which case <see cref="Line"/> is 0.
/// </summary>
internal sealed record MsBuildDiagnostic(string Origin, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex s_located = new(
        @"^\s*(?<origin>.+?)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\)\s*:\s+(?<severity>error|warning)\s+(?<id>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\[\]]+\])?\s*$",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_unlocated = new(
        @"^\s*(?<origin>.*?)\s*:\s+(?<severity>error|warning)\s+(?<id>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\[\]]+\])?\s*$",
        RegexOptions.CultureInvariant);

    /// <summary>Every distinct diagnostic in a build's output (MSBuild repeats them in its summary).</summary>
    public static IReadOnlyList<MsBuildDiagnostic> Parse(string output) =>
        output.Split('\n')
            .Select(ParseLine)
            .OfType<MsBuildDiagnostic>()
            .Distinct()
            .ToList();

    private static MsBuildDiagnostic? ParseLine(string line)
    {
        var located = s_located.Match(line);
        if (located.Success)
        {
            return new MsBuildDiagnostic(
                located.Groups["origin"].Value,
                int.Parse(located.Groups["line"].Value, CultureInfo.InvariantCulture),
                int.Parse(located.Groups["column"].Value, CultureInfo.InvariantCulture),
                located.Groups["severity"].Value,
                located.Groups["id"].Value,
                located.Groups["message"].Value);
        }

        var unlocated = s_unlocated.Match(line);
        return unlocated.Success
            ? new MsBuildDiagnostic(unlocated.Groups["origin"].Value, 0, 0, unlocated.Groups["severity"].Value, unlocated.Groups["id"].Value, unlocated.Groups["message"].Value)
            : null;
    }

    public override string ToString() =>
        Origin + (Line > 0 ? "(" + Line.ToString(CultureInfo.InvariantCulture) + "," + Column.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty) +
        ": " + Severity + " " + Id + ": " + Message;
}

using System.Globalization;

namespace NetGen.Generator.Diagnostics;

/// <summary>Counts as messages write them: "1 float", "3 floats".</summary>
internal static class Plural
{
    public static string Of(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}

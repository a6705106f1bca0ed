using System.Globalization;

namespace NetGen.Internal;

/// <summary>A count and its noun in the number that fits it, for messages: "1 float", "3 floats".</summary>
internal static class Plural
{
    public static string Of(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}

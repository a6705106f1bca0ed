using System.Globalization;
using System.Text;

namespace NetGen;

/// <summary>
/// Names read from a safetensors header, made safe to print: a file not written by NetGen may name its tensors with any
/// characters, and a damaged one with anything at all, which messages must not echo raw.
/// </summary>
internal static class SafeTensorsText
{
    /// <summary>The longest name a message prints whole; longer ones are cut, with "…".</summary>
    private const int MaxPrinted = 80;

    /// <summary>"'name'", control and unassigned characters written as \uXXXX, cut after <see cref="MaxPrinted"/> characters.</summary>
    public static string Quote(string name)
    {
        var text = new StringBuilder("'");
        for (var index = 0; index < name.Length && index < MaxPrinted; index++)
        {
            var character = name[index];
            var category = CharUnicodeInfo.GetUnicodeCategory(character);
            if (category is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate or UnicodeCategory.Format)
            {
                text.Append("\\u").Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(character);
            }
        }

        return text.Append(name.Length > MaxPrinted ? "…'" : "'").ToString();
    }
}

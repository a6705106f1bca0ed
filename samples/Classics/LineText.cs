using System.Globalization;

namespace NetGen.Samples.Classics;

/// <summary>Writes a line w₁x₁ + w₂x₂ + b = 0 with its signs in place ("0.2·x₁ + 0.1·x₂ − 0.2 = 0").</summary>
public static class LineText
{
    /// <summary>The line's equation with <paramref name="format"/> for each number.</summary>
    public static string Of(double weight1, double weight2, double bias, string format) =>
        weight1.ToString(format, CultureInfo.InvariantCulture) + "·x₁ " + Term(weight2, format) + "·x₂ " + Term(bias, format) + " = 0";

    private static string Term(double value, string format) =>
        (value < 0 ? "− " : "+ ") + System.Math.Abs(value).ToString(format, CultureInfo.InvariantCulture);
}

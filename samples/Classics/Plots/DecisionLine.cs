using ScottPlot;

namespace NetGen.Samples.Classics.Plots;

/// <summary>Draws the line w₁x₁ + w₂x₂ + b = 0 across a plot's x₁ range (vertical when w₂ is 0, nothing when both are).</summary>
public static class DecisionLine
{
    /// <summary>Adds the line to <paramref name="plot"/> between x₁ = <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static void Add(Plot plot, double weight1, double weight2, double bias, double left, double right, string label, Color color, LinePattern pattern)
    {
        if (weight2 != 0)
        {
            var line = plot.Add.Line(left, -(weight1 * left + bias) / weight2, right, -(weight1 * right + bias) / weight2);
            line.LegendText = label;
            line.LineWidth = 2;
            line.LineColor = color;
            line.LinePattern = pattern;
        }
        else if (weight1 != 0)
        {
            var line = plot.Add.VerticalLine(-bias / weight1);
            line.LegendText = label;
            line.LineWidth = 2;
            line.LineColor = color;
            line.LinePattern = pattern;
        }
    }

    /// <summary>Adds one class's points as markers.</summary>
    public static void AddPoints(Plot plot, double[] xs, double[] ys, MarkerShape shape, Color color, string label, float size)
    {
        var points = plot.Add.ScatterPoints(xs, ys);
        points.MarkerShape = shape;
        points.MarkerSize = size;
        points.Color = color;
        points.LegendText = label;
    }
}

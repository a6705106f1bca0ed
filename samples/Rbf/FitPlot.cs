using System.Linq;
using NetGen.Plotting;
using ScottPlot;

namespace NetGen.Samples.Rbf;

/// <summary>The noisy training points, the true function and both fits over the test grid.</summary>
public static class FitPlot
{
    public static Plot Create(FitResult result)
    {
        var plot = new Plot();
        NetGenPlotStyle.Apply(plot, "y = sin(3x)·exp(−x²/4): RBF against tanh, 31 parameters each", "x", "y");
        var points = plot.Add.ScatterPoints(result.TrainingX, result.TrainingY.Select(y => (double)y).ToArray());
        points.LegendText = "training data";
        points.Color = Colors.Gray.WithAlpha(0.6);
        points.MarkerSize = 4;
        AddLine(plot, result.TestX, result.TestY, "truth", Colors.Black, 1.5f);
        AddLine(plot, result.TestX, result.Rbf.Predictions, $"RBF (test MSE {result.Rbf.TestMse:0.0000})", Colors.SteelBlue, 2.5f);
        AddLine(plot, result.TestX, result.Tanh.Predictions, $"tanh (test MSE {result.Tanh.TestMse:0.0000})", Colors.OrangeRed, 2.5f);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static void AddLine(Plot plot, double[] x, float[] y, string label, Color color, float width)
    {
        var line = plot.Add.ScatterLine(x, y.Select(value => (double)value).ToArray());
        line.LegendText = label;
        line.Color = color;
        line.LineWidth = width;
    }
}

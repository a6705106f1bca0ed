using System.Linq;
using NetGen.Plotting;
using NetGen.Samples.Classics.Plots;
using ScottPlot;

namespace NetGen.Samples.Classics.Regression;

/// <summary>The two blobs by class, the fitted boundary σ(w·x + b) = ½ and the best one, x₁ + x₂ = 4.</summary>
public static class LogisticFigure
{
    /// <summary>Writes the figure as a PNG to <paramref name="path"/> and returns its full path.</summary>
    public static string Save(LogisticResult result, string path)
    {
        var plot = new Plot();
        var data = result.Data;
        foreach (var label in new[] { 0f, 1f })
        {
            var points = Enumerable.Range(0, data.Count).Where(point => data.Labels[point] == label).ToArray();
            DecisionLine.AddPoints(plot, points.Select(point => (double)data.Inputs[2 * point]).ToArray(), points.Select(point => (double)data.Inputs[(2 * point) + 1]).ToArray(),
                label == 1f ? MarkerShape.FilledCircle : MarkerShape.OpenCircle, label == 1f ? Colors.C0 : Colors.C3, "class " + label, 4);
        }

        DecisionLine.Add(plot, result.Weight1, result.Weight2, result.Bias, -1, 5, "fitted: σ(w·x + b) = ½", Colors.C2, LinePattern.Solid);
        DecisionLine.Add(plot, 1, 1, -4, -1, 5, "best: x₁ + x₂ = 4", Colors.Black, LinePattern.Dashed);
        plot.Axes.SetLimits(-1, 5, -1, 5);
        NetGenPlotStyle.Apply(plot, $"Logistic regression, accuracy {result.Accuracy:P1}", "x₁", "x₂");
        plot.ShowLegend(Edge.Bottom);
        return PlotFile.Save(plot, path, 460, 480);
    }
}

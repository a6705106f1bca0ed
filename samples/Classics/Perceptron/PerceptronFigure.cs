using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Plotting;
using NetGen.Samples.Classics.Plots;
using ScottPlot;

namespace NetGen.Samples.Classics.Perceptron;

/// <summary>One panel per gate: the four rows by class and the perceptron's decision line after training.</summary>
public static class PerceptronFigure
{
    /// <summary>Writes the figure as a PNG to <paramref name="path"/> and returns its full path.</summary>
    public static string Save(IReadOnlyList<PerceptronResult> results, string path)
    {
        var panels = results.Select(Panel).ToArray();
        var figure = new Multiplot(panels[0]) { Layout = new ScottPlot.MultiplotLayouts.Columns() };
        foreach (var panel in panels.Skip(1))
        {
            figure.AddPlot(panel);
        }

        return PlotFile.Save(figure, path, 380 * panels.Length, 400);
    }

    private static Plot Panel(PerceptronResult result)
    {
        var plot = new Plot();
        var inputs = LogicGate.Inputs;
        foreach (var target in new[] { 0f, 1f })
        {
            var rows = Enumerable.Range(0, result.Gate.Rows).Where(row => result.Gate.Targets[row] == target).ToArray();
            DecisionLine.AddPoints(plot, rows.Select(row => (double)inputs[2 * row]).ToArray(), rows.Select(row => (double)inputs[(2 * row) + 1]).ToArray(),
                target == 1f ? MarkerShape.FilledCircle : MarkerShape.OpenCircle, target == 1f ? Colors.C0 : Colors.C3, "t = " + target, 10);
        }

        DecisionLine.Add(plot, result.Weight1, result.Weight2, result.Bias, -0.5, 1.5, "w·x + b = 0 (on it: y = 1)", Colors.C2, LinePattern.Solid);
        plot.Axes.SetLimits(-0.5, 1.5, -0.5, 1.5);
        var title = result.Learned
            ? string.Create(CultureInfo.InvariantCulture, $"{result.Gate.Name}: learned in {result.Epochs} epochs")
            : string.Create(CultureInfo.InvariantCulture, $"{result.Gate.Name}: {result.WrongRows.Count} rows wrong after {result.Epochs} epochs");
        NetGenPlotStyle.Apply(plot, title, "x₁", "x₂");
        plot.Title(title, size: 16);   // three panels side by side: the shared 20 would clip the longest title
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}

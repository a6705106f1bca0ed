using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScottPlot;

namespace NetGen.Plotting;

/// <summary>A heat map of a confusion matrix: true classes down the rows, predicted classes across the columns.</summary>
public static class ConfusionMatrixPlot
{
    /// <summary>
    /// Draws <paramref name="counts"/>, where <c>counts[t, p]</c> is how many samples of class <c>t</c> were predicted as
    /// class <c>p</c>, with each cell's count written on it and a colour bar beside.
    /// </summary>
    /// <param name="counts">A square matrix of non-negative counts, one row and one column per class.</param>
    /// <param name="classLabels">The classes' names, in order; their indices when null.</param>
    /// <param name="title">The plot's title.</param>
    /// <returns>The plot, to save with <see cref="PlotFile.Save(Plot, string, int, int)"/> or to style further.</returns>
    /// <exception cref="ArgumentException">The matrix is empty or not square, holds a negative count, or the labels are
    /// not one per class.</exception>
    public static Plot Create(int[,] counts, IReadOnlyList<string>? classLabels = null, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        var classes = counts.GetLength(0);
        if (classes == 0 || counts.GetLength(1) != classes)
        {
            throw new ArgumentException(
                $"A confusion matrix must be square with at least one class; got {counts.GetLength(0)}×{counts.GetLength(1)}.",
                nameof(counts));
        }

        if (counts.Cast<int>().Any(count => count < 0))
        {
            throw new ArgumentException("A confusion matrix holds counts, which cannot be negative.", nameof(counts));
        }

        var labels = classLabels ?? Enumerable.Range(0, classes).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (labels.Count != classes)
        {
            throw new ArgumentException($"Expected {classes} class labels, one per row of the matrix; got {labels.Count}.",
                nameof(classLabels));
        }

        var plot = new Plot();
        NetGenPlotStyle.Apply(plot, title, "predicted class", "true class");
        var heatmap = plot.Add.Heatmap(ToIntensities(counts));
        // ScottPlot's Blues runs from dark to light; reversed, more samples read as a deeper blue.
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed();
        // Cells as rectangles rather than one bitmap, so that an SVG holds vector cells instead of an embedded image.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        // Cell (t, p) is centred on (p, classes - 1 - t): row 0 at the top, column 0 on the left.
        heatmap.Rectangle = new CoordinateRect(-0.5, classes - 0.5, -0.5, classes - 0.5);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "samples";
        colorBar.LabelStyle.FontSize = NetGenPlotStyle.AxisLabelSize;
        colorBar.Axis.TickLabelStyle.FontSize = NetGenPlotStyle.TickLabelSize;
        colorBar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 0.4, IntegerTicksOnly = true };

        AnnotateCells(plot, counts);
        plot.Axes.Bottom.TickGenerator = ClassTicks(labels, index => index);
        plot.Axes.Left.TickGenerator = ClassTicks(labels, index => classes - 1 - index);
        plot.Axes.SetLimits(-0.5, classes - 0.5, -0.5, classes - 0.5);
        plot.HideGrid();
        return plot;
    }

    private static double[,] ToIntensities(int[,] counts)
    {
        var intensities = new double[counts.GetLength(0), counts.GetLength(1)];
        for (var row = 0; row < counts.GetLength(0); row++)
        {
            for (var column = 0; column < counts.GetLength(1); column++)
            {
                intensities[row, column] = counts[row, column];
            }
        }

        return intensities;
    }

    private static void AnnotateCells(Plot plot, int[,] counts)
    {
        var classes = counts.GetLength(0);
        var largest = Math.Max(1, counts.Cast<int>().Max());
        var fontSize = classes <= 10 ? 14f : Math.Max(7f, 140f / classes);
        for (var actual = 0; actual < classes; actual++)
        {
            for (var predicted = 0; predicted < classes; predicted++)
            {
                var count = counts[actual, predicted];
                var text = plot.Add.Text(count.ToString(CultureInfo.InvariantCulture), predicted, classes - 1 - actual);
                NetGenPlotStyle.Apply(text.LabelStyle);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                // Light text on the dark end of the colour map, dark text on the light end.
                text.LabelFontColor = count > largest / 2 ? Colors.White : Colors.Black;
            }
        }
    }

    private static ScottPlot.TickGenerators.NumericManual ClassTicks(IReadOnlyList<string> labels, Func<int, int> position)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var index = 0; index < labels.Count; index++)
        {
            ticks.AddMajor(position(index), labels[index]);
        }

        return ticks;
    }
}

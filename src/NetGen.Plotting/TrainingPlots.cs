using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace NetGen.Plotting;

/// <summary>Plots of a <see cref="TrainingHistory"/>.</summary>
public static class TrainingPlots
{
    /// <summary>
    /// The loss and the accuracy per epoch, side by side, each for training and validation. A series that is NaN in every
    /// epoch is left out: the validation series when there was no validation data, and the accuracy panel for regression.
    /// </summary>
    /// <param name="history">The epochs to plot; at least one.</param>
    /// <param name="validationLabel">What the validation series are called in the legends, e.g. "test" when the test set
    /// was the validation data.</param>
    /// <returns>A figure of one or two plots, to save with <see cref="PlotFile.Save(Multiplot, string, int, int)"/> or to
    /// style further.</returns>
    /// <exception cref="ArgumentException">The history has no epochs, or no finite loss to plot.</exception>
    public static Multiplot Curves(TrainingHistory history, string validationLabel = "validation")
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentException.ThrowIfNullOrWhiteSpace(validationLabel);
        var epochs = history.Epochs;
        if (epochs.Count == 0)
        {
            throw new ArgumentException("The training history has no epochs to plot.", nameof(history));
        }

        var panels = new[]
        {
            Panel("Loss", "mean loss per sample", epochs, validationLabel, epoch => epoch.Loss, epoch => epoch.ValidationLoss),
            Panel("Accuracy", "accuracy (%)", epochs, validationLabel,
                epoch => 100 * epoch.Accuracy, epoch => 100 * epoch.ValidationAccuracy),
        }.OfType<Plot>().ToArray();
        if (panels.Length == 0)
        {
            throw new ArgumentException("The training history has no finite loss or accuracy to plot.", nameof(history));
        }

        var figure = new Multiplot(panels[0]) { Layout = new ScottPlot.MultiplotLayouts.Columns() };
        foreach (var panel in panels.Skip(1))
        {
            figure.AddPlot(panel);
        }

        return figure;
    }

    /// <summary>One metric's plot, or null when neither of its series has a finite value.</summary>
    private static Plot? Panel(string metric, string axisLabel, IReadOnlyList<EpochResult> epochs, string validationLabel,
        Func<EpochResult, double> training, Func<EpochResult, double> validation)
    {
        var series = new[] { Series.Of("training", epochs, training), Series.Of(validationLabel, epochs, validation) }
            .Where(line => line.Epochs.Length > 0)
            .ToArray();
        if (series.Length == 0)
        {
            return null;
        }

        var plot = new Plot();
        NetGenPlotStyle.Apply(plot, $"{metric} per epoch", "epoch", axisLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.EvenlySpacedMinorTickGenerator(1), // none between epochs
        };
        foreach (var line in series)
        {
            var scatter = plot.Add.Scatter(line.Epochs, line.Values);
            scatter.LegendText = line.Label;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
        }

        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>The finite points of one series.</summary>
    private sealed record Series(string Label, double[] Epochs, double[] Values)
    {
        public static Series Of(string label, IReadOnlyList<EpochResult> epochs, Func<EpochResult, double> value)
        {
            var finite = epochs.Where(epoch => double.IsFinite(value(epoch))).ToArray();
            return new Series(label, finite.Select(epoch => (double)epoch.Epoch).ToArray(), finite.Select(value).ToArray());
        }
    }
}

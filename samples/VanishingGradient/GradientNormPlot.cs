using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Plotting;
using ScottPlot;

namespace NetGen.Samples.VanishingGradient;

/// <summary>The per-layer gradient norms of both stacks as lines on a logarithmic axis, input layer on the left.</summary>
public static class GradientNormPlot
{
    public static Plot Create(ExperimentResult result)
    {
        var plot = new Plot();
        NetGenPlotStyle.Apply(plot, "Weight-gradient norm per layer, first steps", "layer (input → output)", "mean ‖∂L/∂W‖ (log scale)");
        AddSeries(plot, "sigmoid", result.Sigmoid, Colors.OrangeRed);
        AddSeries(plot, "ReLU", result.Relu, Colors.SteelBlue);

        var layers = result.Sigmoid.Select(norm => norm.Layer).ToArray();
        plot.Axes.Bottom.SetTicks(Enumerable.Range(1, layers.Length).Select(x => (double)x).ToArray(), layers);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true, // whole powers of ten
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = power => $"1e{power:0}",
        };
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static void AddSeries(Plot plot, string label, IReadOnlyList<LayerGradientNorm> norms, Color color)
    {
        var scatter = plot.Add.Scatter(
            Enumerable.Range(1, norms.Count).Select(x => (double)x).ToArray(),
            norms.Select(norm => Math.Log10(norm.Norm)).ToArray());
        scatter.LegendText = label;
        scatter.Color = color;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 8;
    }
}

using System;
using System.Linq;
using ScottPlot.Plottables;

namespace NetGen.Plotting.Tests;

public sealed class ConfusionMatrixPlotTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    // Every count distinct, so each can be found alone.
    private static readonly int[,] Counts =
    {
        { 917, 12, 3 },
        { 25, 804, 41 },
        { 0, 66, 758 },
    };

    private static readonly string[] Labels = ["cat", "dog", "bird"];

    [Fact]
    public void Every_cell_count_is_written_on_the_heat_map()
    {
        var plot = ConfusionMatrixPlot.Create(Counts, Labels);

        var texts = ImageFiles.SvgTexts(PlotFile.Save(plot, _directory.File("confusion.svg"), 600, 500));
        foreach (var count in Counts)
        {
            Assert.Contains(count.ToString(System.Globalization.CultureInfo.InvariantCulture), texts);
        }
    }

    [Fact]
    public void The_title_axis_names_class_labels_and_colour_bar_label_are_in_the_svg()
    {
        var plot = ConfusionMatrixPlot.Create(Counts, Labels, title: "Pets");

        var texts = ImageFiles.SvgTexts(PlotFile.Save(plot, _directory.File("confusion.svg"), 600, 500));
        Assert.Contains("Pets", texts);
        Assert.Contains("predicted class", texts);
        Assert.Contains("true class", texts);
        Assert.Contains("samples", texts);
        Assert.All(Labels, label => Assert.Equal(2, texts.Count(text => text == label)));
    }

    [Fact]
    public void A_colour_bar_spans_the_counts()
    {
        var plot = ConfusionMatrixPlot.Create(Counts, Labels);

        var colourBar = Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>());
        var heatmap = Assert.IsType<Heatmap>(colourBar.Source);
        Assert.Equal(917, heatmap.Intensities[0, 0]);
    }

    [Fact]
    public void The_first_true_class_is_the_top_row_and_the_first_predicted_class_the_left_column()
    {
        var plot = ConfusionMatrixPlot.Create(Counts, Labels);

        var cells = plot.GetPlottables<Text>().ToDictionary(text => text.LabelText, text => text.Location);
        Assert.Equal(new ScottPlot.Coordinates(0, 2), cells["917"]);
        Assert.Equal(new ScottPlot.Coordinates(2, 2), cells["3"]);
        Assert.Equal(new ScottPlot.Coordinates(0, 0), cells["0"]);
    }

    [Fact]
    public void Without_labels_the_classes_are_numbered_from_zero()
    {
        var plot = ConfusionMatrixPlot.Create(Counts);

        var texts = ImageFiles.SvgTexts(PlotFile.Save(plot, _directory.File("confusion.svg"), 600, 500));
        Assert.All(new[] { "1", "2" }, label => Assert.Equal(2, texts.Count(text => text == label)));
    }

    [Fact]
    public void A_matrix_that_is_not_square_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrixPlot.Create(new int[2, 3]));

        Assert.Equal("counts", error.ParamName);
        Assert.Contains("square", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrixPlot.Create(new[,] { { 1, -1 }, { 0, 2 } }));

        Assert.Equal("counts", error.ParamName);
    }

    [Fact]
    public void Labels_must_be_one_per_class()
    {
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrixPlot.Create(Counts, ["cat", "dog"]));

        Assert.Equal("classLabels", error.ParamName);
        Assert.Contains("3 class labels", error.Message, StringComparison.Ordinal);
    }
}

using System;
using ScottPlot.Plottables;

namespace NetGen.Plotting.Tests;

public sealed class ImageGridPlotTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Images_are_laid_out_row_by_row_with_a_gap_and_row_zero_on_top()
    {
        // Two rows of two 2 × 3 images; each pixel's value names its row, image and place.
        var top = new float[] { 0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15 };
        var bottom = new float[] { 20, 21, 22, 23, 24, 25, 30, 31, 32, 33, 34, 35 };

        var plot = ImageGridPlot.Create([new ImageRow("top", top), new ImageRow("bottom", bottom)], height: 2, width: 3, "Grid", black: 0, white: 35);

        var heatmap = Assert.IsType<Heatmap>(Assert.Single(plot.GetPlottables()));
        Assert.Equal(new[] { 6, 8 }, new[] { heatmap.Intensities.GetLength(0), heatmap.Intensities.GetLength(1) });
        Assert.Equal(4, heatmap.Intensities[1, 1]);    // top row, first image, second line
        Assert.Equal(12, heatmap.Intensities[0, 7]);   // top row, second image, after a 2-pixel gap
        Assert.True(double.IsNaN(heatmap.Intensities[0, 3]));
        Assert.Equal(33, heatmap.Intensities[5, 5]);   // bottom row starts at line 4
        Assert.Equal(new ScottPlot.Range(0, 35), heatmap.ManualRange);
    }

    [Fact]
    public void The_title_and_row_labels_are_in_the_svg()
    {
        var plot = ImageGridPlot.Create([new ImageRow("clean", new float[4]), new ImageRow("noisy", new float[4])], 2, 2, "Digits");

        var texts = ImageFiles.SvgTexts(PlotFile.Save(plot, _directory.File("grid.svg"), 400, 300));

        Assert.Contains("Digits", texts);
        Assert.Contains("clean", texts);
        Assert.Contains("noisy", texts);
    }

    [Fact]
    public void Rows_of_different_lengths_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ImageGridPlot.Create([new ImageRow("a", new float[8]), new ImageRow("b", new float[4])], 2, 2, "Grid"));

        Assert.Contains("Row 'b'", error.Message, StringComparison.Ordinal);
    }
}

using System;
using System.IO;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace NetGen.Plotting.Tests;

public sealed class PlotFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static Plot LinePlot()
    {
        var plot = new Plot();
        plot.Title("A line to save");
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 3, 1, 2 }).LegendText = "the line";
        plot.ShowLegend();
        return plot;
    }

    [Fact]
    public void Png_has_the_signature_and_the_size_asked_for_and_decodes_to_a_drawing()
    {
        var path = PlotFile.Save(LinePlot(), _directory.File("line.png"), width: 321, height: 123);

        Assert.Equal((321, 123), ImageFiles.PngSize(path));
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(321, bitmap.Width);
        var colours = bitmap.Pixels.Distinct().Count();
        Assert.True(colours > 2, $"The PNG holds {colours} colour(s): nothing was drawn.");
    }

    [Fact]
    public void Svg_parses_with_an_svg_root_of_the_size_asked_for_and_holds_the_title_and_legend()
    {
        var path = PlotFile.Save(LinePlot(), _directory.File("line.svg"), width: 400, height: 300);

        var root = ImageFiles.Svg(path).Root!;
        Assert.Equal("400", root.Attribute("width")?.Value);
        Assert.Equal("300", root.Attribute("height")?.Value);
        var texts = ImageFiles.SvgTexts(path);
        // Once each: ScottPlot draws a plot's first render twice, which must not reach the file.
        Assert.Single(texts, text => text == "A line to save");
        Assert.Single(texts, text => text == "the line");
    }

    [Fact]
    public void Svg_of_a_figure_has_no_black_rectangle_beneath_the_plots()
    {
        // Multiplot.Render clears the canvas, which Skia's SVG canvas writes as an unfilled, so black, rectangle.
        var figure = new Multiplot(LinePlot());
        figure.AddPlot(LinePlot());

        var path = PlotFile.Save(figure, _directory.File("figure.svg"), width: 800, height: 300);

        var unfilled = ImageFiles.Svg(path).Descendants()
            .Where(element => element.Name.LocalName == "rect" && element.Parent?.Name.LocalName != "clipPath")
            .Where(element => element.Attribute("fill") is null);
        Assert.Empty(unfilled);
    }

    [Theory]
    [InlineData("figure.PNG")]
    [InlineData("figure.Svg")]
    public void The_extension_is_read_without_regard_to_case(string name)
    {
        var path = PlotFile.Save(LinePlot(), _directory.File(name), width: 200, height: 100);

        Assert.True(File.Exists(path));
        if (name.EndsWith("PNG", StringComparison.Ordinal))
        {
            Assert.Equal((200, 100), ImageFiles.PngSize(path));
        }
        else
        {
            ImageFiles.Svg(path);
        }
    }

    [Fact]
    public void Missing_directories_are_created_and_the_full_path_is_returned()
    {
        var path = Path.Combine(_directory.Path, "a", "b", "line.png");

        var written = PlotFile.Save(LinePlot(), path, width: 200, height: 100);

        Assert.Equal(Path.GetFullPath(path), written);
        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData("line.jpg")]
    [InlineData("line")]
    public void An_extension_other_than_png_or_svg_is_refused_and_nothing_is_written(string name)
    {
        var path = _directory.File(name);

        var error = Assert.Throws<ArgumentException>(() => PlotFile.Save(LinePlot(), path, width: 200, height: 100));

        Assert.Equal("path", error.ParamName);
        Assert.Contains(".png or .svg", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, -1)]
    public void A_size_below_one_pixel_is_refused(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlotFile.Save(LinePlot(), _directory.File("line.png"), width, height));
    }
}

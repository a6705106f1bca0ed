using System;
using System.IO;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace NetGen.Plotting;

/// <summary>Saves a plot or a figure of several plots as PNG or SVG, chosen by the file's extension.</summary>
public static class PlotFile
{
    /// <summary>Saves <paramref name="plot"/> to <paramref name="path"/>, creating its directory.</summary>
    /// <param name="plot">The plot to draw.</param>
    /// <param name="path">The file to write; its extension, <c>.png</c> or <c>.svg</c>, picks the format.</param>
    /// <param name="width">The image's width in pixels.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <returns>The full path of the file written.</returns>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>.</exception>
    public static string Save(Plot plot, string path, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return Save([plot], area => [area], path, width, height);
    }

    /// <summary>Saves the plots of <paramref name="figure"/> to <paramref name="path"/>, creating its directory.</summary>
    /// <param name="figure">The plots to draw, laid out as the figure says.</param>
    /// <param name="path">The file to write; its extension, <c>.png</c> or <c>.svg</c>, picks the format.</param>
    /// <param name="width">The image's width in pixels.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <returns>The full path of the file written.</returns>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>.</exception>
    public static string Save(Multiplot figure, string path, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(figure);
        // As Multiplot.Render lays the plots out, less its canvas.Clear(): see Draw.
        return Save(figure.GetPlots(), area =>
        {
            figure.SharedAxes.UpdateSharedPlotAxisLimits();
            return figure.Layout.GetSubplotRectangles(figure.Subplots, area);
        }, path, width, height);
    }

    private static string Save(Plot[] plots, Func<PixelRect, PixelRect[]> layout, string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
        {
            throw new ArgumentException(
                $"Cannot save a plot as '{path}': the file name must end in .png or .svg.", nameof(path));
        }

        var fullPath = Path.GetFullPath(path);
        var area = new PixelRect(new PixelSize(width, height));
        // ScottPlot draws a plot's first render twice, to settle its layout; an SVG would record every element twice.
        using (var nothing = new SKNoDrawCanvas(width, height))
        {
            Draw(plots, layout(area), nothing);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        using var file = File.Create(fullPath);
        if (extension == ".png")
        {
            using var surface = SKSurface.Create(new SKImageInfo(width, height))
                ?? throw new InvalidOperationException($"Skia could not make a {width}×{height} surface to draw on.");
            Draw(plots, layout(area), surface.Canvas);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, quality: 100);
            png.SaveTo(file);
        }
        else
        {
            // The SVG is complete only once the canvas is disposed, which must happen before the file closes.
            using var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), file);
            Draw(plots, layout(area), canvas);
        }

        return fullPath;
    }

    private static void Draw(Plot[] plots, PixelRect[] areas, SKCanvas canvas)
    {
        // Skia's SVG canvas writes a clear to transparent as a black rectangle (ScottPlot's own SaveSvg does not clear
        // either); each plot paints its own background, so nothing is lost on a PNG.
        var clears = plots.Select(plot => plot.RenderManager.ClearCanvasBeforeEachRender).ToArray();
        try
        {
            for (var i = 0; i < plots.Length; i++)
            {
                plots[i].RenderManager.ClearCanvasBeforeEachRender = false;
                plots[i].Render(canvas, areas[i]);
            }
        }
        finally
        {
            for (var i = 0; i < plots.Length; i++)
            {
                plots[i].RenderManager.ClearCanvasBeforeEachRender = clears[i];
            }
        }
    }
}

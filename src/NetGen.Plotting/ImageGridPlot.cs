using System;
using System.Collections.Generic;
using ScottPlot;

namespace NetGen.Plotting;

/// <summary>
/// Greyscale images in labelled rows, such as a model's inputs above its outputs: values from black at the range's low
/// end to white at its high end, clamped beyond it.
/// </summary>
public static class ImageGridPlot
{
    private const int Gap = 2;

    /// <summary>Draws <paramref name="rows"/>, each of the same number of <paramref name="height"/> × <paramref name="width"/> images.</summary>
    /// <param name="rows">The rows, top to bottom, each with the same number of images.</param>
    /// <param name="height">Pixels down an image.</param>
    /// <param name="width">Pixels across an image.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="black">The value drawn black (default 0).</param>
    /// <param name="white">The value drawn white (default 1).</param>
    /// <returns>The plot, to save with <see cref="PlotFile.Save(Plot, string, int, int)"/>.</returns>
    /// <exception cref="ArgumentException">There is no row, a row holds no whole number of images, the rows differ in length, or <paramref name="white"/> is not above <paramref name="black"/>.</exception>
    public static Plot Create(IReadOnlyList<ImageRow> rows, int height, int width, string title, double black = 0, double white = 1)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (!(white > black))
        {
            throw new ArgumentException($"The white value ({white}) must be above the black one ({black}).", nameof(white));
        }

        var columns = ImagesPerRow(rows, height * width);
        var mosaic = Mosaic(rows, columns, height, width);
        var plot = new Plot();
        NetGenPlotStyle.Apply(plot, title, string.Empty, string.Empty);
        var heatmap = plot.Add.Heatmap(mosaic);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        heatmap.ManualRange = new ScottPlot.Range(black, white);
        heatmap.NaNCellColor = Colors.White;
        var mosaicHeight = mosaic.GetLength(0);
        var mosaicWidth = mosaic.GetLength(1);
        heatmap.Rectangle = new CoordinateRect(0, mosaicWidth, 0, mosaicHeight);

        var labels = new ScottPlot.TickGenerators.NumericManual();
        for (var row = 0; row < rows.Count; row++)
        {
            labels.AddMajor(mosaicHeight - ((row * (height + Gap)) + (height / 2.0)), rows[row].Label);
        }

        plot.Axes.Left.TickGenerator = labels;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.SetLimits(0, mosaicWidth, 0, mosaicHeight);
        plot.Axes.SquareUnits();
        plot.HideGrid();
        return plot;
    }

    private static int ImagesPerRow(IReadOnlyList<ImageRow> rows, int imageSize)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("An image grid needs at least one row.", nameof(rows));
        }

        var columns = rows[0].Images.Length / imageSize;
        foreach (var row in rows)
        {
            if (row.Images.Length == 0 || row.Images.Length != columns * imageSize)
            {
                throw new ArgumentException(
                    $"Row '{row.Label}' holds {row.Images.Length} values; every row must hold {columns} images of {imageSize} values, as the first does.", nameof(rows));
            }
        }

        return columns;
    }

    // The images side by side with a gap of NaN (drawn white) between them; row 0 of the array is the top of the plot.
    private static double[,] Mosaic(IReadOnlyList<ImageRow> rows, int columns, int height, int width)
    {
        var mosaic = new double[(rows.Count * (height + Gap)) - Gap, (columns * (width + Gap)) - Gap];
        for (var y = 0; y < mosaic.GetLength(0); y++)
        {
            for (var x = 0; x < mosaic.GetLength(1); x++)
            {
                mosaic[y, x] = double.NaN;
            }
        }

        for (var row = 0; row < rows.Count; row++)
        {
            var images = rows[row].Images;
            for (var column = 0; column < columns; column++)
            {
                for (var pixel = 0; pixel < height * width; pixel++)
                {
                    var (y, x) = Math.DivRem(pixel, width);
                    mosaic[(row * (height + Gap)) + y, (column * (width + Gap)) + x] = images[(column * height * width) + pixel];
                }
            }
        }

        return mosaic;
    }
}

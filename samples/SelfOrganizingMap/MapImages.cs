using System;
using NetGen.Maps;
using NetGen.Plotting;
using ScottPlot;
using SkiaSharp;

namespace NetGen.Samples.SelfOrganizingMap;

/// <summary>Draws a trained map's prototypes as PNG images, and its U-matrix as a heat map.</summary>
public static class MapImages
{
    private const int ColourCellPixels = 12;
    private const int DigitGapPixels = 2;

    /// <summary>Each unit of a colour map as a square of its prototype's colour.</summary>
    public static string SaveColours(ColourMap map, string path) =>
        Save(map.GridColumns * ColourCellPixels, map.GridRows * ColourCellPixels, path, (x, y) =>
        {
            var prototype = map.Prototype(((y / ColourCellPixels) * map.GridColumns) + (x / ColourCellPixels));
            return new SKColor(Byte(prototype[0]), Byte(prototype[1]), Byte(prototype[2]));
        });

    /// <summary>Each unit of a digit map as its prototype, a 28×28 grey image (ink dark on white), with a gap between units.</summary>
    public static string SaveDigits(DigitMap map, string path)
    {
        const int Cell = Data.MnistSet.Columns + DigitGapPixels;
        return Save(map.GridColumns * Cell, map.GridRows * Cell, path, (x, y) =>
        {
            var (column, pixelX) = Math.DivRem(x, Cell);
            var (row, pixelY) = Math.DivRem(y, Cell);
            if (pixelX >= Data.MnistSet.Columns || pixelY >= Data.MnistSet.Rows)
            {
                return SKColors.LightGray;
            }

            var ink = Byte(1 - map.Prototype((row * map.GridColumns) + column)[(pixelY * Data.MnistSet.Columns) + pixelX]);
            return new SKColor(ink, ink, ink);
        });
    }

    /// <summary>The U-matrix as a heat map: high values, far from their neighbours, mark the borders between clusters.</summary>
    public static string SaveUMatrix(NetGen.Maps.SelfOrganizingMap map, string title, string path)
    {
        var uMatrix = map.UMatrix();
        var values = new double[map.GridRows, map.GridColumns];
        for (var unit = 0; unit < map.GridUnits; unit++)
        {
            values[unit / map.GridColumns, unit % map.GridColumns] = uMatrix[unit];
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap);
        // The heat map draws row 0 at the top, as the map pictures do, while the axis counts upwards: label each row by hand.
        var rowTicks = new ScottPlot.TickGenerators.NumericManual();
        for (var row = 0; row < map.GridRows; row++)
        {
            rowTicks.AddMajor(map.GridRows - 1 - row, row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        plot.Axes.Left.TickGenerator = rowTicks;
        NetGenPlotStyle.Apply(plot, title, "column", "row");
        plot.Axes.Margins(0, 0);
        return PlotFile.Save(plot, path, 420, 360);
    }

    private static string Save(int width, int height, string path, Func<int, int, SKColor> pixel)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, pixel(x, y));
            }
        }

        var fullPath = System.IO.Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, quality: 100);
        using var file = System.IO.File.Create(fullPath);
        png.SaveTo(file);
        return fullPath;
    }

    private static byte Byte(float value) => (byte)Math.Clamp(MathF.Round(value * 255), 0, 255);
}

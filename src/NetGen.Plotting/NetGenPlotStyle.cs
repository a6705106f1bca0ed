using System;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace NetGen.Plotting;

/// <summary>
/// The look every NetGen plot shares: a sans-serif font where one is installed, and a title, axis labels and legend in
/// sizes that stay legible when the image is scaled down.
/// </summary>
public static class NetGenPlotStyle
{
    /// <summary>The title's font size.</summary>
    public const float TitleSize = 20;

    /// <summary>The axis labels' font size.</summary>
    public const float AxisLabelSize = 16;

    /// <summary>The tick labels' and the legend's font size.</summary>
    public const float TickLabelSize = 13;

    /// <summary>
    /// The first common sans-serif family installed, or null to keep ScottPlot's choice. Skia's default is whichever
    /// family its font manager lists first, which on Debian with DejaVu is the serif one.
    /// </summary>
    public static readonly string? SansFont =
        new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI" }
            .FirstOrDefault(SKFontManager.Default.FontFamilies.Contains);

    /// <summary>Gives <paramref name="plot"/> the shared font and sizes, with its title and axis labels.</summary>
    public static void Apply(Plot plot, string title, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (SansFont is not null)
        {
            plot.Font.Set(SansFont);
        }

        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, AxisLabelSize);
        plot.YLabel(yLabel, AxisLabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickLabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickLabelSize;
        plot.Legend.FontSize = TickLabelSize;
    }

    /// <summary>Gives a text label the plots' font.</summary>
    public static void Apply(LabelStyle label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (SansFont is not null)
        {
            label.FontName = SansFont;
        }
    }
}

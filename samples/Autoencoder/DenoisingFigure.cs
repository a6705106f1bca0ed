using System.Globalization;
using NetGen.Data;
using NetGen.Plotting;

namespace NetGen.Samples.Autoencoder;

/// <summary>The sample's picture: the held-out digits clean, with noise, and as the network reconstructs them.</summary>
internal static class DenoisingFigure
{
    private const int Width = 1000, Height = 330;

    /// <summary>Writes the PNG (or SVG, by the extension) to <paramref name="path"/> and returns its full path.</summary>
    public static string Save(DenoisingResult result, float noiseStandardDeviation, string path)
    {
        var plot = ImageGridPlot.Create(
            [
                new ImageRow("clean", result.Clean),
                new ImageRow(string.Create(CultureInfo.InvariantCulture, $"noisy (σ {noiseStandardDeviation:0.##})"), result.Noisy),
                new ImageRow("reconstructed", result.Reconstructed),
            ],
            MnistSet.Rows,
            MnistSet.Columns,
            "Denoising autoencoder on held-out MNIST digits");
        return PlotFile.Save(plot, path, Width, Height);
    }
}

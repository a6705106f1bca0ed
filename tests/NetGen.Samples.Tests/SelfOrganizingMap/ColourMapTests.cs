using System.IO;
using NetGen.Samples.SelfOrganizingMap;

namespace NetGen.Samples.Tests.SelfOrganizingMap;

/// <summary>The sample's colour map learns the colours, keeps their order, and its picture is written.</summary>
public sealed class ColourMapTests
{
    [Fact]
    public void TrainedColourMapFitsTheColoursAndKeepsTheirOrder()
    {
        var colours = ColourExperiment.RandomColours(2_000, seed: 1);

        var (map, history) = ColourExperiment.Train(colours, seed: 1);

        // The sample ends at 0.076 and 0.0375 (seed 1) after 0.33 in its first epoch; the bounds leave margin.
        Assert.True(history[^1].QuantizationError < 0.1, $"quantisation error {history[^1].QuantizationError}");
        Assert.True(history[^1].QuantizationError < history[0].QuantizationError / 2, $"{history[0].QuantizationError} after epoch 1, {history[^1].QuantizationError} at the end");
        Assert.True(history[^1].TopographicError < 0.15, $"topographic error {history[^1].TopographicError}");
        Assert.Equal(ColourMap.UnitCount * ColourMap.InputSize, map.Weights.Length);
    }

    [Fact]
    public void ColourMapPictureIsAPngOfTwelvePixelsPerUnit()
    {
        var (map, _) = ColourExperiment.Train(ColourExperiment.RandomColours(200, seed: 2), seed: 2);
        var path = Path.Combine(Path.GetTempPath(), "netgen-som-" + System.Guid.NewGuid().ToString("N") + ".png");
        try
        {
            MapImages.SaveColours(map, path);

            using var image = SkiaSharp.SKBitmap.Decode(path);
            Assert.Equal((ColourMap.Columns * 12, ColourMap.Rows * 12), (image.Width, image.Height));
            var first = map.Prototype(0);
            Assert.Equal((byte)System.MathF.Round(first[0] * 255), image.GetPixel(0, 0).Red);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

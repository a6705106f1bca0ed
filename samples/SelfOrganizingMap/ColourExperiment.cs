using System.Collections.Generic;
using NetGen.Maps;

namespace NetGen.Samples.SelfOrganizingMap;

/// <summary>Trains a <see cref="ColourMap"/> on random RGB colours, uniform in the unit cube.</summary>
public static class ColourExperiment
{
    /// <summary>The options the sample trains with: η from 0.5 to 0.01 and σ from 10 cells (half the grid) to 0.5 over 20 epochs.</summary>
    public static SelfOrganizingMapOptions Options(long seed) => new() { Epochs = 20, Seed = seed };

    /// <summary><paramref name="count"/> random colours, count × 3 floats in [0, 1).</summary>
    public static float[] RandomColours(int count, long seed)
    {
        var random = new SeededRandom(seed);
        var colours = new float[count * ColourMap.InputSize];
        for (var i = 0; i < colours.Length; i++)
        {
            colours[i] = random.NextSingle();
        }

        return colours;
    }

    /// <summary>Trains a fresh map, initialised at random, on <paramref name="colours"/>; <paramref name="progress"/> sees each epoch.</summary>
    public static (ColourMap Map, IReadOnlyList<MapEpoch> History) Train(float[] colours, long seed, System.Action<MapEpoch>? progress = null)
    {
        var map = new ColourMap();
        map.Initialize(seed);
        var history = map.Train(colours, Options(seed) with { Progress = progress });
        return (map, history);
    }
}

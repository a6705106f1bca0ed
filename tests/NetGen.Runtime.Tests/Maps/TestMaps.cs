namespace NetGen.Tests.Maps;

/// <summary>A map for RGB colours, as the sample trains, smaller.</summary>
[SelfOrganizingMap(10, 10, 3)]
internal sealed partial class ColourTestMap;

/// <summary>A map whose rows, columns and sample size all differ, so that no index mixes them up unnoticed.</summary>
[SelfOrganizingMap(3, 4, 5)]
internal sealed partial class UnevenMap;

/// <summary>Random samples for map tests.</summary>
internal static class MapSamplesForTests
{
    public static float[] Uniform(int count, int size, long seed)
    {
        var random = new SeededRandom(seed);
        var samples = new float[count * size];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = random.NextSingle();
        }

        return samples;
    }
}

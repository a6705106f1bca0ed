using System;

namespace NetGen.Maps;

/// <summary>Checks the samples handed to a map: a whole, non-zero number of samples of the map's size, every value finite.</summary>
internal static class MapSamples
{
    public static int Count(ReadOnlySpan<float> samples, int sampleSize, string parameterName)
    {
        if (samples.IsEmpty)
        {
            throw new ArgumentException("There are no samples: the span is empty.", parameterName);
        }

        if (samples.Length % sampleSize != 0)
        {
            throw new ArgumentException(
                $"{samples.Length} floats are not a whole number of samples of {sampleSize} floats each.", parameterName);
        }

        RequireFinite(samples, sampleSize, parameterName);
        return samples.Length / sampleSize;
    }

    public static void RequireOne(ReadOnlySpan<float> sample, int sampleSize, string parameterName)
    {
        if (sample.Length != sampleSize)
        {
            throw new ArgumentException($"A sample of this map holds {sampleSize} floats, but {sample.Length} were given.", parameterName);
        }

        RequireFinite(sample, sampleSize, parameterName);
    }

    private static void RequireFinite(ReadOnlySpan<float> samples, int sampleSize, string parameterName)
    {
        var index = samples.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"Sample {index / sampleSize}, value {index % sampleSize}, is {samples[index]}; every value must be finite.", parameterName);
        }
    }
}

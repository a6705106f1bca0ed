using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>Run-time argument checks for generated networks: every message names the network and the shape it expected.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NetworkGuard
{
    /// <summary>Returns how many samples <paramref name="length"/> floats hold, or throws when they are not a positive whole number of samples.</summary>
    public static int SampleCount(string network, string argument, int length, int sampleSize, string sampleShape)
    {
        if (length == 0)
        {
            throw new ArgumentException($"{network}: {argument} is empty; it needs at least one sample of shape [{sampleShape}] ({Plural.Of(sampleSize, "float")}).", argument);
        }

        if (length % sampleSize != 0)
        {
            throw new ArgumentException(
                $"{network}: {argument} holds {Plural.Of(length, "float")}, which is not a whole number of samples of shape [{sampleShape}] ({Plural.Of(sampleSize, "float")} each).",
                argument);
        }

        return length / sampleSize;
    }

    /// <summary>Throws unless <paramref name="length"/> floats hold exactly <paramref name="samples"/> samples.</summary>
    public static void SameSampleCount(string network, string argument, int length, int sampleSize, string sampleShape, int samples)
    {
        if (length != (long)samples * sampleSize)
        {
            throw new ArgumentException(
                $"{network}: {argument} holds {Plural.Of(length, "float")} but needs {(long)samples * sampleSize} for {Plural.Of(samples, "sample")} of shape [{sampleShape}].",
                argument);
        }
    }

    /// <summary>Throws unless a positive count was given.</summary>
    public static void Positive(string network, string argument, int value)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{network}: {argument} is {value}; it must be at least 1.", argument);
        }
    }
}

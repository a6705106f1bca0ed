using System;

namespace NetGen.Samples.VanishingGradient;

/// <summary>
/// A classification task without a download: points uniform in [−1, 1]¹⁶, each labelled by which of four fixed random
/// directions it projects furthest along (the argmax of a random linear map).
/// </summary>
public static class SyntheticTask
{
    public const int InputSize = 16;
    public const int Classes = 4;

    /// <summary><paramref name="samples"/> inputs and their one-hot targets, the same for the same seed.</summary>
    public static (float[] Inputs, float[] Targets) Generate(int samples, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        var random = new SeededRandom(seed);
        var directions = new float[Classes * InputSize];
        for (var i = 0; i < directions.Length; i++)
        {
            directions[i] = random.NextUniform(-1f, 1f);
        }

        var inputs = new float[samples * InputSize];
        var targets = new float[samples * Classes];
        for (var sample = 0; sample < samples; sample++)
        {
            var x = inputs.AsSpan(sample * InputSize, InputSize);
            for (var i = 0; i < InputSize; i++)
            {
                x[i] = random.NextUniform(-1f, 1f);
            }

            var label = 0;
            var best = float.NegativeInfinity;
            for (var c = 0; c < Classes; c++)
            {
                var projection = 0f;
                for (var i = 0; i < InputSize; i++)
                {
                    projection += directions[(c * InputSize) + i] * x[i];
                }

                if (projection > best)
                {
                    (best, label) = (projection, c);
                }
            }

            targets[(sample * Classes) + label] = 1f;
        }

        return (inputs, targets);
    }
}

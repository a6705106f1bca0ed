using System;

namespace NetGen.Samples.Sequences;

/// <summary>
/// The adding problem (Hochreiter and Schmidhuber, 1997): a sequence of T steps with two features, a value uniform in
/// [0, 1) and a marker that is 1 at exactly two steps and 0 elsewhere; the target is the sum of the two marked values.
/// One marker lies in the first half of the sequence and the other in the second half, so the first marked value must be
/// carried for at least T/2 steps, past values that do not count.
/// </summary>
public static class AddingProblem
{
    /// <summary>Features per step: the value, then the marker.</summary>
    public const int Features = 2;

    /// <summary>The hidden units of every network the sample compares.</summary>
    public const int Units = 32;

    /// <summary>
    /// The mean squared error of always predicting 1.0, the mean of the sum: the sum's variance, 2 × 1/12 = 1/6. A network
    /// that has learned nothing about the sequence does no better.
    /// </summary>
    public const double BaselineMse = 1.0 / 6;

    /// <summary>
    /// The mean squared error of a network that remembers only the second marked value and guesses 0.5 for the first: the
    /// first value's variance, 1/12. The last steps are the easy part.
    /// </summary>
    public const double SecondValueOnlyMse = 1.0 / 12;

    /// <summary>
    /// <paramref name="samples"/> sequences of <paramref name="steps"/> steps (step after step, value then marker) and their
    /// targets, the same for the same seed.
    /// </summary>
    public static (float[] Inputs, float[] Targets) Generate(int samples, int steps, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        var random = new SeededRandom(seed);
        var inputs = new float[samples * steps * Features];
        var targets = new float[samples];
        var firstHalf = steps / 2;
        for (var sample = 0; sample < samples; sample++)
        {
            var sequence = inputs.AsSpan(sample * steps * Features, steps * Features);
            for (var step = 0; step < steps; step++)
            {
                sequence[step * Features] = random.NextSingle();
            }

            var first = random.NextInt(firstHalf);
            var second = firstHalf + random.NextInt(steps - firstHalf);
            sequence[(first * Features) + 1] = 1f;
            sequence[(second * Features) + 1] = 1f;
            targets[sample] = sequence[first * Features] + sequence[second * Features];
        }

        return (inputs, targets);
    }

    /// <summary>The mean squared error of <paramref name="predictions"/> against <paramref name="targets"/>, in double precision.</summary>
    public static double MeanSquaredError(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets)
    {
        if (predictions.Length != targets.Length || targets.IsEmpty)
        {
            throw new ArgumentException($"{predictions.Length} predictions for {targets.Length} targets.", nameof(predictions));
        }

        var sum = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            var difference = (double)predictions[i] - targets[i];
            sum += difference * difference;
        }

        return sum / targets.Length;
    }
}

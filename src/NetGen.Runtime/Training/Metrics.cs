using System;

namespace NetGen;

/// <summary>Counts right predictions in a batch as an <see cref="AccuracyKind"/> says.</summary>
public static class Metrics
{
    /// <summary>How many of the batch's samples are predicted right.</summary>
    public static int CountCorrect(AccuracyKind kind, ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int outputSize)
    {
        var samples = outputs.Length / outputSize;
        var correct = 0;
        switch (kind)
        {
            case AccuracyKind.Threshold:
                // One probability per sample.
                for (var i = 0; i < outputs.Length; i++)
                {
                    correct += (outputs[i] >= 0.5f) == (targets[i] >= 0.5f) ? 1 : 0;
                }

                return correct;
            case AccuracyKind.ArgMax:
                for (var s = 0; s < samples; s++)
                {
                    var row = s * outputSize;
                    correct += ArgMax(outputs.Slice(row, outputSize)) == ArgMax(targets.Slice(row, outputSize)) ? 1 : 0;
                }

                return correct;
            default:
                return 0;
        }
    }

    /// <summary>The index of the largest value (the first one on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}

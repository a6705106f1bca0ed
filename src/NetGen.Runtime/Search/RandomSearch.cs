using System;
using System.Collections.Generic;

namespace NetGen.Search;

/// <summary>Configurations drawn at random from a search space, reproducibly from a seed.</summary>
public static class RandomSearch
{
    /// <summary>
    /// <paramref name="count"/> configurations of <paramref name="space"/>, indexed from 0: each draws a network, an
    /// optimizer and a batch size uniformly from their lists, and a learning rate and a weight decay uniformly from their
    /// lists or log-uniformly from their ranges. The same space, count and seed give the same configurations, and the
    /// first n of a larger count are those of count n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The space is empty or holds a value out of range.</exception>
    public static IReadOnlyList<TrialConfiguration> Configurations(SearchSpace space, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        space.Validate();
        var random = new SeededRandom(seed);
        var configurations = new TrialConfiguration[count];
        for (var index = 0; index < count; index++)
        {
            var network = space.Networks[random.NextInt(space.Networks.Count)];
            var optimizer = space.Optimizers[random.NextInt(space.Optimizers.Count)];
            var learningRate = space.LearningRates.Draw(random);
            var batchSize = space.BatchSizes[random.NextInt(space.BatchSizes.Count)];
            var weightDecay = space.WeightDecays.Draw(random);
            configurations[index] = new TrialConfiguration(index, network, optimizer, learningRate, batchSize, weightDecay);
        }

        return configurations;
    }
}

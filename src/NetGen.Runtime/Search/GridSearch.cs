using System.Collections.Generic;

namespace NetGen.Search;

/// <summary>Every configuration of a search space: the full cartesian product, in a fixed order.</summary>
public static class GridSearch
{
    /// <summary>
    /// The configurations of <paramref name="space"/>, indexed from 0. The order is stable: networks vary slowest, then
    /// optimizers, learning rates, batch sizes, and weight decays fastest, each in the order listed.
    /// </summary>
    /// <exception cref="System.ArgumentException">The space is empty or holds a value out of range.</exception>
    /// <exception cref="System.InvalidOperationException">A real dimension is a log-uniform range, which has no grid.</exception>
    public static IReadOnlyList<TrialConfiguration> Configurations(SearchSpace space)
    {
        System.ArgumentNullException.ThrowIfNull(space);
        space.Validate();
        var configurations = new List<TrialConfiguration>((int)System.Math.Min(space.GridSize, int.MaxValue));
        foreach (var network in space.Networks)
        {
            foreach (var optimizer in space.Optimizers)
            {
                foreach (var learningRate in space.LearningRates.Values)
                {
                    foreach (var batchSize in space.BatchSizes)
                    {
                        foreach (var weightDecay in space.WeightDecays.Values)
                        {
                            configurations.Add(new TrialConfiguration(configurations.Count, network, optimizer, learningRate, batchSize, weightDecay));
                        }
                    }
                }
            }
        }

        return configurations;
    }
}

using System;
using System.Linq;
using NetGen.Search;
using static NetGen.Tests.Search.SearchFixtures;

namespace NetGen.Tests.Search;

public sealed class RandomSearchTests
{
    private static readonly SearchSpace Space = new()
    {
        Networks = [Narrow, Wide],
        Optimizers = [OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam],
        LearningRates = RealDomain.LogUniform(1e-4f, 1e-1f),
        BatchSizes = [8, 16, 32],
        WeightDecays = RealDomain.Of(0f, 1e-3f),
    };

    [Fact]
    public void The_same_seed_gives_the_same_configurations_and_another_seed_others()
    {
        var first = RandomSearch.Configurations(Space, 20, seed: 3);

        Assert.Equal(first, RandomSearch.Configurations(Space, 20, seed: 3));
        Assert.NotEqual(first, RandomSearch.Configurations(Space, 20, seed: 4));
        Assert.Equal(first, RandomSearch.Configurations(Space, 30, seed: 3).Take(20));
        Assert.Equal(Enumerable.Range(0, 20), first.Select(configuration => configuration.Index));
    }

    [Fact]
    public void Learning_rates_stay_in_range_and_are_log_uniform()
    {
        var rates = RandomSearch.Configurations(Space, 3000, seed: 11).Select(configuration => configuration.LearningRate).ToArray();

        Assert.All(rates, rate => Assert.InRange(rate, 1e-4f, 1e-1f));
        // Each of the three decades should get a third of the draws; a uniform draw would put 90 % in the last.
        foreach (var (low, high) in new[] { (1e-4f, 1e-3f), (1e-3f, 1e-2f), (1e-2f, 1e-1f) })
        {
            var share = rates.Count(rate => rate >= low && rate < high) / (double)rates.Length;
            Assert.InRange(share, 0.30, 0.37);
        }
    }

    [Fact]
    public void Listed_dimensions_are_drawn_from_their_lists_and_every_value_comes_up()
    {
        var configurations = RandomSearch.Configurations(Space, 300, seed: 5);

        Assert.Equal(new[] { 8, 16, 32 }, configurations.Select(c => c.BatchSize).Distinct().Order());
        Assert.Equal(Space.Optimizers.Order(), configurations.Select(c => c.Optimizer).Distinct().Order());
        Assert.Equal(new[] { 0f, 1e-3f }, configurations.Select(c => c.WeightDecay).Distinct().Order());
        Assert.Equal(2, configurations.Select(c => c.Network).Distinct().Count());
    }

    [Fact]
    public void A_weight_decay_range_is_drawn_log_uniformly_too()
    {
        var space = Space with { WeightDecays = RealDomain.LogUniform(1e-6f, 1e-2f) };

        var decays = RandomSearch.Configurations(space, 500, seed: 2).Select(c => c.WeightDecay).ToArray();

        Assert.All(decays, decay => Assert.InRange(decay, 1e-6f, 1e-2f));
        Assert.InRange(decays.Count(decay => decay < 1e-4f) / (double)decays.Length, 0.4, 0.6);
    }

    [Fact]
    public void A_count_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomSearch.Configurations(Space, 0, seed: 1));
    }
}

using System;
using System.Linq;
using NetGen.Search;
using static NetGen.Tests.Search.SearchFixtures;

namespace NetGen.Tests.Search;

public sealed class GridSearchTests
{
    private static readonly SearchSpace Space = new()
    {
        Networks = [Narrow, Wide],
        Optimizers = [OptimizerKind.Sgd, OptimizerKind.Adam],
        LearningRates = RealDomain.Of(0.1f, 0.01f, 0.001f),
        BatchSizes = [16, 64],
        WeightDecays = RealDomain.Of(0f, 1e-4f),
    };

    [Fact]
    public void It_enumerates_the_full_cartesian_product_once_each()
    {
        var configurations = GridSearch.Configurations(Space);

        Assert.Equal(48, Space.GridSize);
        Assert.Equal(48, configurations.Count);
        Assert.Equal(Enumerable.Range(0, 48), configurations.Select(configuration => configuration.Index));
        Assert.Equal(48, configurations.Select(c => (c.Network, c.Optimizer, c.LearningRate, c.BatchSize, c.WeightDecay)).Distinct().Count());
    }

    [Fact]
    public void Weight_decay_varies_fastest_then_batch_size_learning_rate_optimizer_and_network()
    {
        var configurations = GridSearch.Configurations(Space);

        Assert.Equal(new TrialConfiguration(0, Narrow, OptimizerKind.Sgd, 0.1f, 16, 0f), configurations[0]);
        Assert.Equal(new TrialConfiguration(1, Narrow, OptimizerKind.Sgd, 0.1f, 16, 1e-4f), configurations[1]);
        Assert.Equal(new TrialConfiguration(2, Narrow, OptimizerKind.Sgd, 0.1f, 64, 0f), configurations[2]);
        Assert.Equal(new TrialConfiguration(4, Narrow, OptimizerKind.Sgd, 0.01f, 16, 0f), configurations[4]);
        Assert.Equal(new TrialConfiguration(12, Narrow, OptimizerKind.Adam, 0.1f, 16, 0f), configurations[12]);
        Assert.Equal(new TrialConfiguration(24, Wide, OptimizerKind.Sgd, 0.1f, 16, 0f), configurations[24]);
        Assert.Equal(new TrialConfiguration(47, Wide, OptimizerKind.Adam, 0.001f, 64, 1e-4f), configurations[47]);
    }

    [Fact]
    public void The_order_is_the_same_every_time()
    {
        Assert.Equal(GridSearch.Configurations(Space), GridSearch.Configurations(Space));
    }

    [Fact]
    public void A_log_uniform_range_has_no_grid()
    {
        var space = Space with { LearningRates = RealDomain.LogUniform(1e-4f, 1e-1f) };

        var error = Assert.Throws<InvalidOperationException>(() => GridSearch.Configurations(space));
        Assert.Contains("LearningRates", error.Message);
        Assert.Contains("random search", error.Message);
    }
}

using System.Linq;
using NetGen.Samples.Search;
using NetGen.Search;

namespace NetGen.Samples.Tests.Search;

public sealed class MnistSearchSpaceTests
{
    [Fact]
    public void The_grid_crosses_learning_rate_batch_size_and_optimizer_for_the_perceptron()
    {
        var configurations = GridSearch.Configurations(MnistSearchSpace.Grid);

        Assert.Equal(18, configurations.Count);
        Assert.All(configurations, configuration => Assert.Equal(nameof(DigitsMlp), configuration.Network.Name));
        Assert.Equal(18, configurations.Select(c => (c.Optimizer, c.LearningRate, c.BatchSize)).Distinct().Count());
        Assert.IsType<DigitsMlp>(configurations[0].Network.Create());
    }

    [Fact]
    public void The_random_space_draws_learning_rates_from_its_range_and_keeps_the_grids_other_choices()
    {
        var configurations = RandomSearch.Configurations(MnistSearchSpace.Random, 50, seed: 1);

        Assert.All(configurations, configuration => Assert.InRange(configuration.LearningRate, 1e-4f, 0.3f));
        Assert.True(configurations.Select(c => c.LearningRate).Distinct().Count() > 40);
        Assert.Subset(MnistSearchSpace.Grid.Optimizers.ToHashSet(), configurations.Select(c => c.Optimizer).ToHashSet());
        Assert.Subset(MnistSearchSpace.Grid.BatchSizes.ToHashSet(), configurations.Select(c => c.BatchSize).ToHashSet());
    }
}

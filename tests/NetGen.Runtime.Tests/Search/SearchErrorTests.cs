using System;
using NetGen.Search;
using NetGen.Tests.Cpu;
using static NetGen.Tests.Search.SearchFixtures;

namespace NetGen.Tests.Search;

[Collection(WorkerPoolCollection.Name)]
public sealed class SearchErrorTests
{
    [Theory]
    [InlineData("Networks")]
    [InlineData("BatchSizes")]
    [InlineData("Optimizers")]
    public void An_empty_dimension_is_named(string dimension)
    {
        var space = dimension switch
        {
            "Networks" => SmallGrid with { Networks = [] },
            "BatchSizes" => SmallGrid with { BatchSizes = [] },
            _ => SmallGrid with { Optimizers = [] },
        };

        var error = Assert.Throws<ArgumentException>(() => GridSearch.Configurations(space));
        Assert.Contains($"{dimension} is empty", error.Message);
        Assert.Throws<ArgumentException>(() => RandomSearch.Configurations(space, 3, seed: 1));
    }

    [Fact]
    public void Values_out_of_range_are_refused()
    {
        Assert.Contains("BatchSizes[1] is 0", Assert.Throws<ArgumentException>(() => GridSearch.Configurations(SmallGrid with { BatchSizes = [8, 0] })).Message);
        Assert.Contains("must be positive", Assert.Throws<ArgumentException>(() => GridSearch.Configurations(SmallGrid with { LearningRates = RealDomain.Of(0.1f, -0.1f) })).Message);
        Assert.Contains("weight decay is 0 or more", Assert.Throws<ArgumentException>(() => GridSearch.Configurations(SmallGrid with { WeightDecays = RealDomain.Of(-1e-4f) })).Message);
        Assert.Contains("not an OptimizerKind", Assert.Throws<ArgumentException>(() => GridSearch.Configurations(SmallGrid with { Optimizers = [(OptimizerKind)99] })).Message);
    }

    [Fact]
    public void Invalid_domains_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RealDomain.Of());
        Assert.Contains("values[1] is NaN", Assert.Throws<ArgumentException>(() => RealDomain.Of(0.1f, float.NaN)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => RealDomain.LogUniform(0f, 1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => RealDomain.LogUniform(0.1f, 0.01f));
        Assert.Throws<ArgumentOutOfRangeException>(() => RealDomain.LogUniform(0.1f, float.PositiveInfinity));
    }

    [Fact]
    public void Invalid_options_are_refused_before_any_training()
    {
        var data = Noise(samples: 16, seed: 1);
        var configurations = GridSearch.Configurations(SmallGrid);

        Assert.Throws<ArgumentOutOfRangeException>(() => HyperparameterSearch.Run(configurations, data, Options with { MaxEpochs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HyperparameterSearch.Run(configurations, data, Options with { Patience = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HyperparameterSearch.Run(configurations, data, Options with { MaxParallelTrials = 0 }));
        var split = Assert.Throws<ArgumentOutOfRangeException>(() => HyperparameterSearch.Run(configurations, data, Options with { ValidationSplit = 0 }));
        Assert.Contains("scored on held-out data", split.Message);
        var nothingLeft = Assert.Throws<ArgumentException>(() => HyperparameterSearch.Run(configurations, Noise(samples: 1, seed: 1), Options));
        Assert.Contains("leaves none to train on", nothingLeft.Message);
    }

    [Fact]
    public void Configurations_must_be_given_and_indexed_in_order()
    {
        var data = Noise(samples: 16, seed: 1);
        var configurations = GridSearch.Configurations(SmallGrid);

        Assert.Contains("no configuration", Assert.Throws<ArgumentException>(() => HyperparameterSearch.Run([], data)).Message);
        Assert.Contains("configurations[0] is indexed 1", Assert.Throws<ArgumentException>(() => HyperparameterSearch.Run([configurations[1]], data)).Message);
    }

    [Fact]
    public void Data_that_does_not_fit_the_networks_is_refused()
    {
        var wrongShape = new Dataset(new float[30], new float[10], inputSize: 3, targetSize: 1);

        Assert.Throws<ArgumentException>(() => HyperparameterSearch.Grid(SmallGrid, wrongShape, Options));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NetGen.Cpu;
using NetGen.Search;
using NetGen.Tests.Cpu;
using static NetGen.Tests.Search.SearchFixtures;

namespace NetGen.Tests.Search;

// A search divides CpuThreads.Max between parallel trials, so it runs apart from the tests that set it.
[Collection(WorkerPoolCollection.Name)]
public sealed class HyperparameterSearchTests
{
    private static readonly Dataset Data = Noise(samples: 96, seed: 1);

    [Fact]
    public void Every_trial_stops_early_on_the_validation_loss()
    {
        var options = Options;

        var result = HyperparameterSearch.Grid(SmallGrid, Data, options);

        Assert.Equal(16, result.Trials.Count);
        Assert.All(result.Trials, trial =>
        {
            Assert.True(trial.StoppedEarly, $"{trial.Configuration} ran all {trial.EpochsRun} epochs");
            Assert.True(trial.EpochsRun < options.MaxEpochs);
            Assert.Equal(trial.BestEpoch + options.Patience, trial.EpochsRun);
            Assert.True(double.IsFinite(trial.ValidationLoss));
            Assert.True(double.IsNaN(trial.ValidationAccuracy)); // a regression network has no accuracy
            Assert.Equal(options.Seed, trial.Seed);
            Assert.True(trial.Duration > TimeSpan.Zero);
        });
    }

    [Fact]
    public void The_best_is_the_trial_with_the_lowest_validation_loss_and_its_network_holds_the_best_epochs_weights()
    {
        var validation = Noise(samples: 32, seed: 2);

        var result = HyperparameterSearch.Grid(SmallGrid, Data, Options with { Validation = validation });

        var lowest = result.Trials.MinBy(trial => trial.ValidationLoss)!;
        Assert.Same(lowest, result.Best);
        Assert.Equal(result.Best.Configuration.Network.Name, result.BestNetwork.Name);
        Assert.Equal(result.Best.ValidationLoss, Trainer.Evaluate(result.BestNetwork, validation).Loss, 5);
        Assert.True(result.Trials.Select(trial => trial.ValidationLoss).Distinct().Count() > 1, "every trial scored the same");
    }

    [Fact]
    public void Parallel_and_sequential_searches_give_identical_results()
    {
        var original = CpuThreads.Max;
        try
        {
            CpuThreads.Max = 4;
            var space = SmallGrid with { LearningRates = RealDomain.LogUniform(1e-3f, 1e-1f) };
            var sequential = HyperparameterSearch.Random(space, 8, Data, Options);
            var parallel = HyperparameterSearch.Random(space, 8, Data, Options with { MaxParallelTrials = 4 });

            Assert.Equal(Scores(sequential), Scores(parallel));
            Assert.Equal(sequential.Best.Configuration, parallel.Best.Configuration);
            Assert.Equal(sequential.BestNetwork.Parameters.ToArray(), parallel.BestNetwork.Parameters.ToArray());
            Assert.Equal(4, CpuThreads.Max); // given back after the search
        }
        finally
        {
            CpuThreads.Max = original;
        }
    }

    [Fact]
    public void Each_finished_trial_is_reported_once()
    {
        var reported = new List<TrialResult>();

        var result = HyperparameterSearch.Grid(SmallGrid, Data, Options with { TrialCompleted = reported.Add, MaxParallelTrials = 2 });

        Assert.Equal(result.Trials.Count, reported.Count);
        Assert.Equal(result.Trials.ToHashSet(), reported.ToHashSet());
    }

    [Fact]
    public void A_diverging_learning_rate_is_scored_not_thrown_and_never_wins()
    {
        var space = SmallGrid with { Networks = [Narrow], Optimizers = [OptimizerKind.Sgd], LearningRates = RealDomain.Of(1e30f, 0.05f), BatchSizes = [8] };

        var result = HyperparameterSearch.Grid(space, Data, Options);

        Assert.True(result.Trials[0].SkippedBatches > 0);
        Assert.Equal(0, result.Trials[1].SkippedBatches);
        Assert.Same(result.Trials[1], result.Best);
    }

    [Fact]
    public void Cancelling_stops_the_search_after_the_trial_in_progress()
    {
        using var cancellation = new CancellationTokenSource();
        var finished = 0;
        var options = Options with
        {
            Cancellation = cancellation.Token,
            TrialCompleted = _ =>
            {
                finished++;
                cancellation.Cancel();
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => HyperparameterSearch.Grid(SmallGrid, Data, options));
        Assert.Equal(1, finished);
    }

    [Fact]
    public void A_search_cancelled_before_it_starts_trains_nothing()
    {
        var created = 0;
        var space = SmallGrid with { Networks = [new NetworkCandidate("counted", () => { created++; return new NarrowSearchNet(); })] };

        Assert.ThrowsAny<OperationCanceledException>(() => HyperparameterSearch.Grid(space, Data, Options with { Cancellation = new CancellationToken(canceled: true) }));
        Assert.Equal(0, created);
    }

    private static IEnumerable<object> Scores(SearchResult result) => result.Trials.Select(trial =>
        (object)(trial.Configuration, trial.EpochsRun, trial.BestEpoch, trial.ValidationLoss, trial.SkippedBatches));
}

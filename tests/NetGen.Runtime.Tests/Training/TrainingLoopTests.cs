using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NetGen.Optimizers;
using NetGen.Tests.Gradients;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

/// <summary>What <see cref="Trainer.Fit"/>'s epoch loop does on the CPU: the steps, the figures and where cancellation stops it.</summary>
public sealed class TrainingLoopTests
{
    private const int Samples = 50;
    private const int BatchSize = 8; // 7 batches, the last one of 2 samples
    private const int Epochs = 3;
    private const int Seed = 5;

    public static TheoryData<string> Reductions => new() { "Mean", "Sum" };

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Fit_trains_exactly_as_a_hand_written_loop_over_the_same_batches(string reduction)
    {
        var data = DataFor(reduction);
        var fitted = NetworkFor(reduction);
        var handTrained = NetworkFor(reduction);

        var history = Trainer.Fit(fitted, data, new TrainingOptions { Epochs = Epochs, BatchSize = BatchSize, Seed = Seed, Optimizer = new Adam(0.01f) });

        var optimizer = new Adam(0.01f);
        var loader = new BatchLoader(data, BatchSize, shuffle: true, Seed);
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            loader.StartEpoch(epoch);
            double lossSum = 0;
            long correct = 0;
            while (loader.TryNext(out var inputs, out var targets, out var count))
            {
                var loss = handTrained.ComputeGradients(inputs, targets);
                optimizer.Step(handTrained.Parameters, handTrained.Gradients);
                lossSum += handTrained.Reduction == LossReduction.Mean ? (double)loss * count : loss;
                correct += Metrics.CountCorrect(handTrained.Accuracy, handTrained.LastOutputs, targets, handTrained.OutputSize);
            }

            Assert.Equal(lossSum / Samples, history.Epochs[epoch - 1].Loss);
            Assert.Equal(Trainer.AccuracyOrNaN(handTrained, correct, Samples), history.Epochs[epoch - 1].Accuracy);
        }

        Assert.Equal(handTrained.Parameters.ToArray(), fitted.Parameters.ToArray());
    }

    [Fact]
    public void A_loader_hands_out_the_rows_whose_samples_it_would_gather()
    {
        var data = DataFor("Mean");
        var gathering = new BatchLoader(data, BatchSize, shuffle: true, Seed);
        var naming = new BatchLoader(data, BatchSize, shuffle: true, Seed);
        gathering.StartEpoch(2);
        naming.StartEpoch(2);
        var seen = new List<int>();
        while (gathering.TryNext(out var inputs, out var targets, out var count))
        {
            Assert.True(naming.TryNextRows(out var rows, out var rowTargets));
            Assert.Equal(count, rows.Length);
            Assert.Equal(targets.ToArray(), rowTargets.ToArray());
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.Equal(data.InputRows(rows[i], 1).ToArray(), inputs.Slice(i * data.InputSize, data.InputSize).ToArray());
            }

            seen.AddRange(rows.ToArray());
        }

        Assert.False(naming.TryNextRows(out _, out _));
        Assert.Equal(Enumerable.Range(0, data.Count), seen.Order());
        Assert.NotEqual(Enumerable.Range(0, data.Count), seen); // shuffled
    }

    [Fact]
    public void Cancelling_during_an_epoch_keeps_only_the_epochs_finished_before()
    {
        using var cancellation = new CancellationTokenSource();
        var steps = new List<TrainingProgress>();

        var history = Trainer.Fit(NetworkFor("Mean"), DataFor("Mean"), new TrainingOptions
        {
            Epochs = Epochs, BatchSize = BatchSize, Seed = Seed, Cancellation = cancellation.Token,
            Progress = progress =>
            {
                steps.Add(progress);
                if (progress is { Epoch: 2, Batch: 3 })
                {
                    cancellation.Cancel();
                }
            },
        });

        Assert.Single(history.Epochs);
        Assert.Equal(7 + 3, steps.Count);
    }

    [Fact]
    public void Cancelling_on_an_epochs_last_step_keeps_that_epoch()
    {
        using var cancellation = new CancellationTokenSource();
        var completed = new List<EpochResult>();

        var history = Trainer.Fit(NetworkFor("Mean"), DataFor("Mean"), new TrainingOptions
        {
            Epochs = Epochs, BatchSize = BatchSize, Seed = Seed, Cancellation = cancellation.Token,
            Progress = progress =>
            {
                if (progress is { Epoch: 2, Batch: 7 })
                {
                    cancellation.Cancel();
                }
            },
            EpochCompleted = completed.Add,
        });

        Assert.Equal(2, history.Epochs.Count);
        Assert.Equal(history.Epochs, completed);
    }

    private static INetwork NetworkFor(string reduction)
    {
        INetwork network = reduction == "Mean" ? new SoftmaxCrossEntropyNet() : new SummedSquaredErrorNet();
        network.Initialize(seed: 3);
        return network;
    }

    private static Dataset DataFor(string reduction)
    {
        var inputs = GradientChecker.RandomArray(Samples * 3, seed: 1);
        if (reduction != "Mean")
        {
            return new Dataset(inputs, GradientChecker.RandomArray(Samples * SummedSquaredErrorNet.OutputSize, seed: 2), 3, SummedSquaredErrorNet.OutputSize);
        }

        var random = new SeededRandom(2);
        var labels = new int[Samples];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = random.NextInt(SoftmaxCrossEntropyNet.OutputSize);
        }

        return Dataset.FromClassLabels(inputs, 3, labels, SoftmaxCrossEntropyNet.OutputSize);
    }
}

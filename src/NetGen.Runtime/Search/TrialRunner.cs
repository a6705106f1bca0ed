using System;
using System.Diagnostics;
using System.Linq;

namespace NetGen.Search;

/// <summary>Trains one configuration with early stopping and scores it by its best validation loss.</summary>
internal static class TrialRunner
{
    public static (TrialResult Result, INetwork Network) Run(TrialConfiguration configuration, SearchData data, SearchOptions options)
    {
        var clock = Stopwatch.StartNew();
        var network = configuration.Network.Create()
            ?? throw new InvalidOperationException($"The factory of the network candidate '{configuration.Network.Name}' returned null.");
        network.Initialize(options.Seed);
        var stopping = new EarlyStopping(TrainingMetric.ValidationLoss, options.Patience, options.MinDelta, restoreBestWeights: true);
        var history = Trainer.Fit(network, data.Training, new TrainingOptions
        {
            Epochs = options.MaxEpochs,
            BatchSize = configuration.BatchSize,
            Optimizer = configuration.Optimizer.Create(configuration.LearningRate, configuration.WeightDecay),
            Seed = options.Seed,
            Validation = data.Validation,
            Callbacks = [stopping],
            // A diverging learning rate is a finding, not a failure: its steps are left out, the validation loss stops
            // falling and early stopping ends the trial.
            NonFiniteBatches = NonFiniteBatchPolicy.Skip,
            Cancellation = options.Cancellation,
        });
        options.Cancellation.ThrowIfCancellationRequested();

        var best = stopping.BestEpoch > 0 ? history.Epochs[stopping.BestEpoch - 1] : null;
        var result = new TrialResult(
            configuration,
            options.Seed,
            history.Epochs.Count,
            stopping.BestEpoch,
            best is null || double.IsNaN(best.ValidationLoss) ? double.PositiveInfinity : best.ValidationLoss,
            best?.ValidationAccuracy ?? double.NaN,
            clock.Elapsed,
            history.Epochs.Sum(epoch => epoch.SkippedBatches))
        {
            StoppedEarly = stopping.StoppedEarly,
        };
        return (result, network);
    }
}

using System;
using System.Globalization;
using System.Threading;
using NetGen.Cpu;
using NetGen.Optimizers;

namespace NetGen.Search;

/// <summary>How a search trains and scores each trial.</summary>
public sealed record SearchOptions
{
    /// <summary>The most epochs a trial trains (default 20); early stopping usually ends it sooner.</summary>
    public int MaxEpochs { get; init; } = 20;

    /// <summary>Epochs in a row without a lower validation loss before a trial stops (default 3), as <see cref="EarlyStopping.Patience"/>.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>The fall in validation loss that counts as an improvement (default 0), as <see cref="EarlyStopping.MinDelta"/>.</summary>
    public double MinDelta { get; init; }

    /// <summary>
    /// The fraction in (0, 1) of the training samples held out to score the trials (default 0.2), chosen once per search
    /// by a shuffle seeded with <see cref="Seed"/>, so that every trial is scored on the same samples. Ignored when
    /// <see cref="Validation"/> is given.
    /// </summary>
    public double ValidationSplit { get; init; } = 0.2;

    /// <summary>Data to score the trials on instead of a split of the training data.</summary>
    public Dataset? Validation { get; init; }

    /// <summary>
    /// Seeds every trial's initialisation and shuffling (the same for all, so that trials differ only in their
    /// configuration), the validation split and random search's draws.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>
    /// The most trials trained at once (default 1), capped at <see cref="CpuThreads.Max"/>. With n at once,
    /// <see cref="CpuThreads.Max"/> is divided by n for the search, so trials × threads stay within it. The results do
    /// not depend on it.
    /// </summary>
    public int MaxParallelTrials { get; init; } = 1;

    /// <summary>
    /// Called after each trial, never by two trials at once; with parallel trials, in the order they finish.
    /// </summary>
    public Action<TrialResult>? TrialCompleted { get; init; }

    /// <summary>Stops the search between training steps: no further trial starts and the search throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEpochs, 1, nameof(MaxEpochs));
        HyperParameter.RequireNonNegative(Patience, nameof(Patience));
        HyperParameter.RequireNonNegativeFinite(MinDelta, nameof(MinDelta));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelTrials, 1, nameof(MaxParallelTrials));
        if (Validation is null && !(ValidationSplit > 0 && ValidationSplit < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationSplit), ValidationSplit,
                string.Create(CultureInfo.InvariantCulture,
                    $"Each trial is scored on held-out data: {nameof(ValidationSplit)} must be in (0, 1), or {nameof(Validation)} given."));
        }
    }
}

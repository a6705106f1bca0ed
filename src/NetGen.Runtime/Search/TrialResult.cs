using System;

namespace NetGen.Search;

/// <summary>How a trial went: trained with early stopping on the validation data and scored by its best validation loss.</summary>
/// <param name="Configuration">What was trained.</param>
/// <param name="Seed">The seed the network was initialised with and the batches shuffled by.</param>
/// <param name="EpochsRun">The epochs trained, fewer than the maximum when early stopping ended the trial.</param>
/// <param name="BestEpoch">The epoch (from 1) with the lowest validation loss; 0 when none had a finite one.</param>
/// <param name="ValidationLoss">The lowest validation loss; +∞ when no epoch had a finite one.</param>
/// <param name="ValidationAccuracy">The validation accuracy in <paramref name="BestEpoch"/>; NaN for regression or without a best epoch.</param>
/// <param name="Duration">The trial's wall-clock time.</param>
/// <param name="SkippedBatches">Steps left out because their loss or a gradient was NaN or ±∞ (a learning rate too high); 0 for a stable trial.</param>
public sealed record TrialResult(
    TrialConfiguration Configuration,
    int Seed,
    int EpochsRun,
    int BestEpoch,
    double ValidationLoss,
    double ValidationAccuracy,
    TimeSpan Duration,
    int SkippedBatches)
{
    /// <summary>Whether early stopping ended the trial before its maximum number of epochs.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>Whether this trial scores better than <paramref name="other"/>: a lower validation loss, or the same and a lower index.</summary>
    internal bool IsBetterThan(TrialResult other) =>
        ValidationLoss < other.ValidationLoss || (ValidationLoss == other.ValidationLoss && Configuration.Index < other.Configuration.Index);
}

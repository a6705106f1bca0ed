using System;
using System.Collections.Generic;

namespace NetGen;

/// <summary>Where training stands after a step, for progress displays.</summary>
public readonly record struct TrainingProgress(
    int Epoch, int Epochs, int Batch, int Batches, long Samples, double Loss, double Accuracy, TimeSpan Elapsed);

/// <summary>
/// One epoch's figures. Loss is the mean per-sample loss; accuracy is NaN for regression outputs, validation figures NaN
/// without validation data. <paramref name="LearningRate"/> is the optimizer's rate at the epoch's first step. Loss,
/// accuracy and throughput count the batches trained on, not those left out for a NaN or ±∞ (<see cref="SkippedBatches"/>).
/// </summary>
public sealed record EpochResult(
    int Epoch,
    double Loss,
    double Accuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    TimeSpan Elapsed,
    double SamplesPerSecond,
    float LearningRate)
{
    /// <summary>
    /// Batches left out because their loss or a gradient was NaN or ±∞, under <see cref="NonFiniteBatchPolicy.Skip"/>
    /// (always 0 under <see cref="NonFiniteBatchPolicy.Stop"/>, which throws instead).
    /// </summary>
    public int SkippedBatches { get; init; }
}

/// <summary>The loss and accuracy of a network on a dataset. Loss is the mean per-sample loss; accuracy is NaN for regression outputs.</summary>
public readonly record struct Evaluation(double Loss, double Accuracy, int Samples);

/// <summary>The epochs of a <see cref="Trainer.Fit"/> call, in order.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochResult> _epochs = new();

    /// <summary>Every finished epoch.</summary>
    public IReadOnlyList<EpochResult> Epochs => _epochs;

    /// <summary>The last finished epoch, or null when none finished.</summary>
    public EpochResult? Last => _epochs.Count == 0 ? null : _epochs[^1];

    internal void Add(EpochResult epoch) => _epochs.Add(epoch);
}

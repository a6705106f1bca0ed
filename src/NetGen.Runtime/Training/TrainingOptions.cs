using System;
using System.Collections.Generic;
using System.Threading;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>How <see cref="Trainer.Fit"/> trains.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training data (default 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per step (default 32); any size from 1 up, the last batch of an epoch holds what is left.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The optimizer (default Adam with η = 0.001). Its state persists across <c>Fit</c> calls.</summary>
    public Optimizer? Optimizer { get; init; }

    /// <summary>Whether to reshuffle the samples each epoch (default true).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>
    /// Seeds the shuffling and the <see cref="ValidationSplit"/>; the same seed, data and initial parameters give the same
    /// training.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>Data scored after every epoch, never trained on. Not together with <see cref="ValidationSplit"/>.</summary>
    public Dataset? Validation { get; init; }

    /// <summary>
    /// The fraction f in [0, 1) of the training samples held out as validation data (default 0: none). Of N samples,
    /// ⌈f·N⌉ are chosen by a shuffle seeded with <see cref="Seed"/>, once per <see cref="Trainer.Fit"/> call before
    /// training: the same seed and data give the same split, whatever <see cref="Shuffle"/> says. They are scored after
    /// every epoch as <see cref="Validation"/> would be and never trained on; the others are trained on, in their original
    /// order when not shuffling. Not together with <see cref="Validation"/>; the split must leave a sample to train on.
    /// </summary>
    public double ValidationSplit { get; init; }

    /// <summary>
    /// Random rotations, shifts and noise applied to the training inputs as each batch is gathered (default none); the
    /// targets and the validation data are never changed. Rotation and shift need a network whose input is an image,
    /// [channels, height, width].
    /// </summary>
    public ImageAugmentation? Augmentation { get; init; }

    /// <summary>
    /// Called with every step's figures, in step order. On a CUDA device a step's figures come while the next step is
    /// already running (the host reads each step's results during the next), the last one's when the epoch's steps end.
    /// </summary>
    public Action<TrainingProgress>? Progress { get; init; }

    /// <summary>Called after every epoch with its figures.</summary>
    public Action<EpochResult>? EpochCompleted { get; init; }

    /// <summary>
    /// Called at the start and the end of training and of every epoch, in list order (default none): learning-rate
    /// schedules, <see cref="EarlyStopping"/>, your own.
    /// </summary>
    public IReadOnlyList<TrainingCallback> Callbacks { get; init; } = [];

    /// <summary>
    /// Where to train (default <see cref="ComputeDevice.Cpu"/>). <see cref="ComputeDevice.Auto"/> uses CUDA when it can run
    /// and otherwise the CPU, saying why once; <see cref="ComputeDevice.Cuda"/> fails with a message naming what is missing.
    /// On CUDA the optimizer's state lives on the device for the call; the trained parameters are copied back at the end.
    /// </summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>
    /// On a CUDA device, whether to copy the training dataset to the device once, before the first epoch, and gather each
    /// batch there from its samples' row numbers (default false: each batch is gathered on the host and copied over). Per
    /// batch 4 bytes a sample then cross the bus instead of the sample, at the cost of device memory for the whole dataset
    /// (with a <see cref="ValidationSplit"/>, the part held out too). <see cref="Validation"/> data is still copied batch by batch. No effect on the CPU. Not together with
    /// <see cref="Augmentation"/>, which changes the inputs on the host as each batch is gathered.
    /// </summary>
    public bool KeepDatasetOnDevice { get; init; }

    /// <summary>
    /// What to do with a batch whose loss or gradient is NaN or ±∞ (default <see cref="NonFiniteBatchPolicy.Stop"/>: throw a
    /// <see cref="NonFiniteTrainingException"/> naming the epoch, the step and the tensor). The step is left out either
    /// way, on the CPU and on CUDA: parameters, optimizer state and layer state (batch normalisation's running statistics,
    /// put back from a copy taken before the step) stay as they were. <see cref="NonFiniteBatchPolicy.Skip"/> goes on
    /// with the next batch and counts the ones left out in <see cref="EpochResult.SkippedBatches"/>; an epoch's loss and
    /// accuracy are then those of the batches trained on.
    /// </summary>
    public NonFiniteBatchPolicy NonFiniteBatches { get; init; } = NonFiniteBatchPolicy.Stop;

    /// <summary>Stops training between steps; the epochs finished so far stay in the history.</summary>
    public CancellationToken Cancellation { get; init; }
}

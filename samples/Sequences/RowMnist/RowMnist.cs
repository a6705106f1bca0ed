using System;
using NetGen.Data;
using NetGen.Optimizers;

namespace NetGen.Samples.Sequences;

/// <summary>How the row-by-row MNIST reader trains: the cell, epochs, batch, Adam's rate, the seed, and optionally fewer training images.</summary>
public sealed record RowMnistSettings(
    SequenceCell Cell = SequenceCell.Lstm,
    int Epochs = 5,
    int BatchSize = 128,
    float LearningRate = 1e-3f,
    int Seed = 1,
    int? TrainingLimit = null);

/// <summary>
/// MNIST as sequences: a 28×28 digit is 28 steps of 28 pixels, one row per step from the top. MNIST's images are stored row
/// after row and a sequence input stores step after step, so an image is already its own sequence: the reader sees the same
/// 784 floats (pixels scaled to [0, 1] by the loader) as the perceptron of the MNIST sample, only in a different order of
/// operations.
/// </summary>
public static class RowMnist
{
    /// <summary>Steps per sequence: the image's rows.</summary>
    public const int Steps = MnistSet.Rows;

    /// <summary>Features per step: one row's pixels.</summary>
    public const int Features = MnistSet.Columns;

    /// <summary>The recurrent layer's hidden units.</summary>
    public const int Units = 128;

    /// <summary>A fresh, uninitialised reader with the given cell.</summary>
    public static INetwork Create(SequenceCell cell) => cell switch
    {
        SequenceCell.Lstm => new RowMnistLstm(),
        SequenceCell.Gru => new RowMnistGru(),
        SequenceCell.Rnn => new RowMnistRnn(),
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, null),
    };

    /// <summary>The generated summary of the reader with the given cell: its layers, shapes and parameter counts.</summary>
    public static string Summary(SequenceCell cell) => cell switch
    {
        SequenceCell.Lstm => RowMnistLstm.Summary,
        SequenceCell.Gru => RowMnistGru.Summary,
        SequenceCell.Rnn => RowMnistRnn.Summary,
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, null),
    };

    /// <summary>The first <paramref name="limit"/> images of <paramref name="set"/> (all without one) as sequences with one-hot targets.</summary>
    public static Dataset Sequences(MnistSet set, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var taken = limit is { } count && count < set.Count ? set.Take(count) : set;
        return Sequences(taken.Images, taken.Labels);
    }

    /// <summary>Images of 28×28 pixels, row after row, as sequences of 28 rows with one-hot targets for their labels.</summary>
    public static Dataset Sequences(float[] images, ReadOnlySpan<int> labels)
        => Dataset.FromClassLabels(images, Steps * Features, labels, MnistSet.Classes);

    /// <summary>
    /// Initialises a reader from the settings' seed and trains it with Adam on <paramref name="training"/>, scoring
    /// <paramref name="test"/> after every epoch.
    /// </summary>
    public static (INetwork Network, TrainingHistory History) Train(
        RowMnistSettings settings, Dataset training, Dataset test, Action<EpochResult>? epochCompleted = null, Action<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var network = Create(settings.Cell);
        network.Initialize(settings.Seed);
        var history = Trainer.Fit(network, training, new TrainingOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Optimizer = new Adam(settings.LearningRate),
            Seed = settings.Seed,
            Validation = test,
            EpochCompleted = epochCompleted,
            Progress = progress,
        });
        return (network, history);
    }
}

using System;
using NetGen.Internal;

namespace NetGen;

/// <summary>
/// What a <see cref="Trainer.Fit"/> call trains and validates on: the given data, or its split by
/// <see cref="TrainingOptions.ValidationSplit"/>, made once before training. The training rows are indices into the
/// given dataset (not copied); only the validation rows are copied, into a dataset of their own that is scored each epoch.
/// </summary>
internal sealed class TrainingData
{
    private TrainingData(Dataset samples, int[]? trainingRows, Dataset? validation, ImageAugmenter? augmenter)
    {
        Samples = samples;
        TrainingRows = trainingRows;
        Validation = validation;
        Augmenter = augmenter;
    }

    /// <summary>The dataset the training batches are gathered from.</summary>
    public Dataset Samples { get; }

    /// <summary>The rows of <see cref="Samples"/> trained on, ascending; null for all of them.</summary>
    public int[]? TrainingRows { get; }

    /// <summary>The data scored after every epoch, or null.</summary>
    public Dataset? Validation { get; }

    /// <summary>What augments the training batches (<see cref="TrainingOptions.Augmentation"/>), or null; never the validation data.</summary>
    public ImageAugmenter? Augmenter { get; }

    /// <summary>The training data and the validation data of a Fit call; the options are already checked.</summary>
    /// <exception cref="ArgumentException">
    /// The split leaves no sample to train on, or the augmentation rotates or shifts but the network's input is not an image.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An augmentation option is out of range.</exception>
    public static TrainingData Prepare(INetwork network, Dataset training, TrainingOptions options)
    {
        var augmenter = options.Augmentation is { } augmentation ? ImageAugmenter.ForNetwork(network, augmentation) : null;
        if (options.ValidationSplit == 0)
        {
            return new TrainingData(training, trainingRows: null, options.Validation, augmenter);
        }

        var (trainingRows, validationRows) = ValidationSplit.Rows(training.Count, options.ValidationSplit, options.Seed);
        if (trainingRows.Length == 0)
        {
            throw new ArgumentException(
                $"{network.Name}: a {nameof(TrainingOptions.ValidationSplit)} of {options.ValidationSplit} takes all {Plural.Of(training.Count, "sample")} for validation " +
                "and leaves none to train on; lower it or give more samples.",
                nameof(TrainingOptions.ValidationSplit));
        }

        return new TrainingData(training, trainingRows, training.CopyRows(validationRows), augmenter);
    }

    /// <summary>A loader over the training rows in batches of <see cref="TrainingOptions.BatchSize"/>, augmented by <see cref="Augmenter"/>.</summary>
    public BatchLoader CreateLoader(TrainingOptions options) => new(Samples, TrainingRows, options.BatchSize, options.Shuffle, options.Seed, Augmenter);
}

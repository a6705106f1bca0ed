using System;
using System.Collections.Generic;

namespace NetGen;

/// <summary>
/// Applies an <see cref="ImageAugmentation"/> to batches of samples of one shape, split over the CPU worker threads. The
/// training loader uses one for <see cref="TrainingOptions.Augmentation"/>; use one directly to augment data yourself,
/// for example to make noisy copies of held-out images. After construction it allocates nothing.
/// </summary>
public sealed class ImageAugmenter
{
    private readonly ImageAugmentationJob _job;

    /// <summary>An augmenter for samples of <paramref name="sampleShape"/>: [channels, height, width] for an image, or any shape when only adding noise.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the shift reaches the image's height or width).</exception>
    /// <exception cref="ArgumentException">The options rotate or shift, but <paramref name="sampleShape"/> is not an image.</exception>
    public ImageAugmenter(ImageAugmentation augmentation, IReadOnlyList<int> sampleShape)
        : this(augmentation, sampleShape, owner: null)
    {
    }

    private ImageAugmenter(ImageAugmentation augmentation, IReadOnlyList<int> sampleShape, string? owner)
    {
        ArgumentNullException.ThrowIfNull(augmentation);
        ArgumentNullException.ThrowIfNull(sampleShape);
        augmentation.Check(owner);
        var image = ImageShapeOf(augmentation, sampleShape, owner);
        Augmentation = augmentation;
        SampleSize = image.Size;
        _job = new ImageAugmentationJob(augmentation, image);
    }

    /// <summary>What is applied.</summary>
    public ImageAugmentation Augmentation { get; }

    /// <summary>Floats per sample.</summary>
    public int SampleSize { get; }

    /// <summary>
    /// Writes the augmented copies of the samples in <paramref name="source"/> to <paramref name="destination"/> (the same
    /// length, a whole number of samples, not overlapping). Sample i's draws depend only on the seed,
    /// <paramref name="stream"/> and its index <paramref name="firstSampleIndex"/> + i, never on the threads: the loader
    /// passes the epoch and the batch's position in it.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ, are not a whole number of samples, or the spans overlap.</exception>
    public void Augment(ReadOnlySpan<float> source, Span<float> destination, long stream, int firstSampleIndex = 0)
    {
        if (source.Length != destination.Length || source.Length % SampleSize != 0)
        {
            throw new ArgumentException(
                $"source holds {source.Length} floats and destination {destination.Length}; both must hold the same whole number of {SampleSize}-float samples.",
                nameof(destination));
        }

        if (source.Overlaps(destination))
        {
            throw new ArgumentException("source and destination overlap; an augmented sample is resampled from an untouched copy.", nameof(destination));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(firstSampleIndex);
        _job.Augment(source, destination, unchecked((ulong)stream), (uint)firstSampleIndex);
    }

    /// <summary>The augmenter <see cref="Trainer.Fit"/> uses for <paramref name="network"/>'s training inputs, whose shape is its first layer's input shape.</summary>
    internal static ImageAugmenter ForNetwork(INetwork network, ImageAugmentation augmentation)
    {
        var shape = network.Layers.Count > 0 ? network.Layers[0].InputShape : [network.InputSize];
        return new ImageAugmenter(augmentation, shape, network.Name);
    }

    private static ImageShape ImageShapeOf(ImageAugmentation augmentation, IReadOnlyList<int> shape, string? owner)
    {
        var prefix = owner is null ? string.Empty : owner + ": ";
        var described = $"[{string.Join(", ", shape)}]";
        if (shape.Count == 0 || !AllPositive(shape))
        {
            throw new ArgumentException($"{prefix}the sample shape {described} must have at least one dimension, each at least 1.", nameof(shape));
        }

        if (shape.Count == 3)
        {
            var image = new ImageShape(shape[0], shape[1], shape[2]);
            if (augmentation.MaxShift >= Math.Min(image.Height, image.Width))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(ImageAugmentation.MaxShift), augmentation.MaxShift,
                    $"{prefix}{nameof(ImageAugmentation)}.{nameof(ImageAugmentation.MaxShift)} must be less than the image's height and width ({image.Height} × {image.Width}); a larger shift can move every pixel out.");
            }

            return image;
        }

        if (augmentation.MovesPixels)
        {
            throw new ArgumentException(
                $"{prefix}{nameof(ImageAugmentation)} rotates and shifts images, but the input {described} is not an image [channels, height, width]. " +
                "Declare the input as one, such as [Input(1, 28, 28)], or augment with noise only.",
                nameof(shape));
        }

        var size = 1;
        foreach (var dimension in shape)
        {
            size = checked(size * dimension);
        }

        return new ImageShape(1, 1, size);
    }

    private static bool AllPositive(IReadOnlyList<int> shape)
    {
        for (var i = 0; i < shape.Count; i++)
        {
            if (shape[i] < 1)
            {
                return false;
            }
        }

        return true;
    }
}

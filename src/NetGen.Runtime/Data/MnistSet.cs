using System;

namespace NetGen.Data;

/// <summary>MNIST samples in memory: 28×28 grey images scaled to [0, 1] and their digit labels.</summary>
public sealed class MnistSet
{
    /// <summary>Pixels per image (28 × 28).</summary>
    public const int ImageSize = Rows * Columns;

    /// <summary>Pixel rows per image.</summary>
    public const int Rows = 28;

    /// <summary>Pixel columns per image.</summary>
    public const int Columns = 28;

    /// <summary>Digit classes, 0 to 9.</summary>
    public const int Classes = 10;

    internal MnistSet(float[] images, int[] labels)
    {
        Images = images;
        Labels = labels;
    }

    /// <summary>
    /// The pixels, image after image, each row-major (<see cref="ImageSize"/> floats per image), the source
    /// bytes divided by 255 so 0 is the white background and 1 full ink.
    /// </summary>
    public float[] Images { get; }

    /// <summary>The digit each image shows, 0 to 9.</summary>
    public int[] Labels { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>A new set holding copies of the first <paramref name="count"/> samples, for quick runs.</summary>
    public MnistSet Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return new MnistSet(Images.AsSpan(0, count * ImageSize).ToArray(), Labels.AsSpan(0, count).ToArray());
    }

    /// <summary>
    /// A <see cref="Dataset"/> of these images with one-hot targets, ready for training. It shares
    /// <see cref="Images"/> (not copied); the targets are new.
    /// </summary>
    public Dataset ToDataset() => Dataset.FromClassLabels(Images, ImageSize, Labels, Classes);
}

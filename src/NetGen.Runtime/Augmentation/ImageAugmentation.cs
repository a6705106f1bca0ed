using System;
using System.Globalization;

namespace NetGen;

/// <summary>
/// Random changes made to every training sample as its batch is gathered (<see cref="TrainingOptions.Augmentation"/>):
/// a rotation about the image's centre, a shift by whole pixels, then Gaussian noise on every value. Each sample gets its
/// own draws, which depend only on <see cref="Seed"/>, the epoch and the sample's position in the epoch, so the same seed
/// gives the same batches and each epoch gives new ones. Only training inputs change: targets, validation and test data
/// never do. Rotation and shift need an image input, [channels, height, width]; noise alone works on any input.
/// </summary>
public sealed record ImageAugmentation
{
    /// <summary>The largest rotation in degrees, in [0, 180] (default 0: none); each sample turns by an angle drawn uniformly from ±this.</summary>
    public float MaxRotationDegrees { get; init; }

    /// <summary>The largest shift in whole pixels, at least 0 and less than the image's height and width (default 0: none); each sample moves by dx and dy drawn uniformly from −this … this.</summary>
    public int MaxShift { get; init; }

    /// <summary>The standard deviation of the zero-mean Gaussian noise added to every input value, at least 0 (default 0: none).</summary>
    public float NoiseStandardDeviation { get; init; }

    /// <summary>Keys the random draws; the same seed, epoch and batch order give the same augmented batches.</summary>
    public int Seed { get; init; }

    /// <summary>Whether the samples are rotated or shifted, which needs an image input.</summary>
    public bool MovesPixels => MaxRotationDegrees > 0 || MaxShift > 0;

    /// <summary>"rotation ±15°, shift ±2 px, noise σ 0.1, seed 1".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"rotation ±{MaxRotationDegrees:0.##}°, shift ±{MaxShift} px, noise σ {NoiseStandardDeviation:0.###}, seed {Seed}");

    /// <summary>Throws when an option is out of range; <paramref name="owner"/> (a network's name, or null) starts the message.</summary>
    internal void Check(string? owner)
    {
        var prefix = owner is null ? string.Empty : owner + ": ";
        if (!(MaxRotationDegrees is >= 0 and <= 180))
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxRotationDegrees), MaxRotationDegrees,
                $"{prefix}{nameof(ImageAugmentation)}.{nameof(MaxRotationDegrees)} must be in [0, 180] degrees.");
        }

        if (MaxShift < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxShift), MaxShift, $"{prefix}{nameof(ImageAugmentation)}.{nameof(MaxShift)} is a number of pixels and must be at least 0.");
        }

        if (!(NoiseStandardDeviation >= 0 && float.IsFinite(NoiseStandardDeviation)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(NoiseStandardDeviation), NoiseStandardDeviation,
                $"{prefix}{nameof(ImageAugmentation)}.{nameof(NoiseStandardDeviation)} must be a finite number, at least 0.");
        }
    }
}

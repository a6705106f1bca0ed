using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Tests.Augmentation;

/// <summary>The random draws of <see cref="ImageAugmenter"/>: their ranges and statistics, and that a seed fixes them.</summary>
public sealed class ImageAugmenterTests
{
    [Fact]
    public void Noise_has_the_asked_mean_and_standard_deviation()
    {
        const float Level = 0.5f;
        const float Deviation = 0.25f;
        var augmenter = new ImageAugmenter(new ImageAugmentation { NoiseStandardDeviation = Deviation, Seed = 3 }, [1, 8, 8]);
        var source = Enumerable.Repeat(Level, 1000 * 64).ToArray();
        var destination = new float[source.Length];

        augmenter.Augment(source, destination, stream: 1);

        var noise = destination.Select(value => (double)value - Level).ToArray();
        var mean = noise.Average();
        var deviation = Math.Sqrt(noise.Select(value => (value - mean) * (value - mean)).Average());
        Assert.InRange(mean, -0.004, 0.004); // standard error 0.25 / √64000 ≈ 0.001
        Assert.InRange(deviation, Deviation * 0.985, Deviation * 1.015);
    }

    [Fact]
    public void The_same_seed_stream_and_sample_index_give_the_same_samples_and_others_do_not()
    {
        var augmentation = new ImageAugmentation { MaxRotationDegrees = 15, MaxShift = 2, NoiseStandardDeviation = 0.1f, Seed = 7 };
        var source = RandomImages(10, 1, 12, 12, seed: 1);

        var first = Augmented(augmentation, source, stream: 1);
        var again = Augmented(augmentation, source, stream: 1);
        var otherStream = Augmented(augmentation, source, stream: 2);
        var otherSeed = Augmented(augmentation with { Seed = 8 }, source, stream: 1);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherStream);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void A_samples_draws_depend_on_its_index_not_on_how_the_batch_is_cut()
    {
        var augmenter = new ImageAugmenter(new ImageAugmentation { MaxRotationDegrees = 15, MaxShift = 2, NoiseStandardDeviation = 0.1f, Seed = 7 }, [1, 12, 12]);
        var source = RandomImages(10, 1, 12, 12, seed: 2);
        var whole = new float[source.Length];
        var inTwo = new float[source.Length];

        augmenter.Augment(source, whole, stream: 4);
        augmenter.Augment(source.AsSpan(0, 4 * 144), inTwo.AsSpan(0, 4 * 144), stream: 4, firstSampleIndex: 0);
        augmenter.Augment(source.AsSpan(4 * 144), inTwo.AsSpan(4 * 144), stream: 4, firstSampleIndex: 4);

        Assert.Equal(whole, inTwo);
    }

    [Fact]
    public void Random_rotations_keep_a_pixels_distance_from_the_centre_and_stay_within_the_largest_angle()
    {
        // 21 × 21, centre (10, 10); the pixel 8 right of the centre, turned by angles drawn from ±15°.
        const int Samples = 200;
        var augmenter = new ImageAugmenter(new ImageAugmentation { MaxRotationDegrees = 15, Seed = 5 }, [1, 21, 21]);
        var image = new float[21 * 21];
        image[(10 * 21) + 18] = 1f;
        var source = Enumerable.Range(0, Samples).SelectMany(_ => image).ToArray();
        var destination = new float[source.Length];

        augmenter.Augment(source, destination, stream: 0);

        var angles = new List<double>();
        for (var sample = 0; sample < Samples; sample++)
        {
            var (_, x, y) = ImageResamplingTests.CentreOfMass(destination.AsSpan(sample * 441, 441), 21);
            Assert.Equal(8, Math.Sqrt(((x - 10) * (x - 10)) + ((y - 10) * (y - 10))), 0.15);
            angles.Add(Math.Atan2(10 - y, x - 10) * 180 / Math.PI);
        }

        Assert.InRange(angles.Min(), -15.5, -12);
        Assert.InRange(angles.Max(), 12, 15.5);
    }

    [Fact]
    public void Random_shifts_move_a_pixel_by_whole_pixels_and_reach_every_shift_in_range()
    {
        const int Samples = 500;
        var augmenter = new ImageAugmenter(new ImageAugmentation { MaxShift = 2, Seed = 9 }, [1, 9, 9]);
        var image = new float[81];
        image[(4 * 9) + 4] = 1f;
        var source = Enumerable.Range(0, Samples).SelectMany(_ => image).ToArray();
        var destination = new float[source.Length];

        augmenter.Augment(source, destination, stream: 0);

        var shifts = new HashSet<(int, int)>();
        for (var sample = 0; sample < Samples; sample++)
        {
            var pixels = destination.AsSpan(sample * 81, 81);
            var at = pixels.IndexOf(1f);
            Assert.Equal(80, pixels.Count(0f)); // moved whole, nothing smeared
            shifts.Add(((at % 9) - 4, (at / 9) - 4));
        }

        Assert.Equal(25, shifts.Count);
        Assert.All(shifts, shift => Assert.True(Math.Abs(shift.Item1) <= 2 && Math.Abs(shift.Item2) <= 2));
    }

    public static TheoryData<ImageAugmentation> OutOfRange => new()
    {
        new ImageAugmentation { MaxRotationDegrees = -1 },
        new ImageAugmentation { MaxRotationDegrees = 181 },
        new ImageAugmentation { MaxRotationDegrees = float.NaN },
        new ImageAugmentation { MaxShift = -1 },
        new ImageAugmentation { MaxShift = 9 },
        new ImageAugmentation { NoiseStandardDeviation = -0.1f },
        new ImageAugmentation { NoiseStandardDeviation = float.NaN },
        new ImageAugmentation { NoiseStandardDeviation = float.PositiveInfinity },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Out_of_range_options_are_refused(ImageAugmentation augmentation)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmenter(augmentation, [1, 9, 9]));
    }

    [Fact]
    public void Rotation_and_shift_need_an_image_but_noise_does_not()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImageAugmenter(new ImageAugmentation { MaxRotationDegrees = 10 }, [784]));
        Assert.Contains("[784] is not an image", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ImageAugmenter(new ImageAugmentation { MaxShift = 1 }, [28, 28]));

        var noise = new ImageAugmenter(new ImageAugmentation { NoiseStandardDeviation = 0.1f }, [784]);
        var source = new float[784];
        var destination = new float[784];
        noise.Augment(source, destination, stream: 0);
        Assert.Contains(destination, value => value != 0);
    }

    [Fact]
    public void Overlapping_or_mismatched_spans_are_refused()
    {
        var augmenter = new ImageAugmenter(new ImageAugmentation { NoiseStandardDeviation = 0.1f }, [1, 2, 2]);
        var buffer = new float[8];

        Assert.Throws<ArgumentException>(() => augmenter.Augment(buffer, buffer, stream: 0));
        Assert.Throws<ArgumentException>(() => augmenter.Augment(new float[8], new float[4], stream: 0));
        Assert.Throws<ArgumentException>(() => augmenter.Augment(new float[6], new float[6], stream: 0));
    }

    private static float[] Augmented(ImageAugmentation augmentation, float[] source, long stream)
    {
        var destination = new float[source.Length];
        new ImageAugmenter(augmentation, [1, 12, 12]).Augment(source, destination, stream);
        return destination;
    }

    internal static float[] RandomImages(int count, int channels, int height, int width, int seed)
    {
        var random = new SeededRandom(seed);
        var images = new float[count * channels * height * width];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = random.NextSingle();
        }

        return images;
    }
}

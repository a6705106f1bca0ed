using System;

namespace NetGen.Tests.Augmentation;

/// <summary>Rotations and shifts of known images against positions computed by hand.</summary>
public sealed class ImageResamplingTests
{
    [Theory]
    [InlineData(90, 4, 1)]
    [InlineData(180, 1, 4)]
    [InlineData(-90, 4, 7)]
    public void A_quarter_or_half_turn_moves_a_bright_pixel_exactly_where_it_belongs(double degrees, int expectedX, int expectedY)
    {
        // 9 × 9, centre (4, 4); the pixel 3 right of the centre. Counter-clockwise on screen: +90° takes it 3 up.
        var shape = new ImageShape(1, 9, 9);
        var source = new float[shape.Size];
        source[(4 * 9) + 7] = 1f;
        var destination = new float[shape.Size];

        ImageResampling.RotateAndShift(source, destination, shape, degrees * Math.PI / 180, shiftX: 0, shiftY: 0);

        var expected = new float[shape.Size];
        expected[(expectedY * 9) + expectedX] = 1f;
        Assert.Equal(expected, destination);
    }

    [Fact]
    public void A_thirty_degree_turn_moves_a_bright_pixel_where_trigonometry_says()
    {
        // 21 × 21, centre (10, 10); the pixel 6 right of the centre goes to (10 + 6 cos 30°, 10 − 6 sin 30°) = (15.196, 7).
        var shape = new ImageShape(1, 21, 21);
        var source = new float[shape.Size];
        source[(10 * 21) + 16] = 1f;
        var destination = new float[shape.Size];

        ImageResampling.RotateAndShift(source, destination, shape, Math.PI / 6, shiftX: 0, shiftY: 0);

        var (mass, centreX, centreY) = CentreOfMass(destination, 21);
        Assert.Equal(10 + (6 * Math.Cos(Math.PI / 6)), centreX, 0.1); // bilinear sampling spreads the pixel over its neighbours, off its exact position by ~0.05
        Assert.Equal(10 - (6 * Math.Sin(Math.PI / 6)), centreY, 0.1);
        Assert.Equal(1.0, mass, 0.1);
        Assert.Equal((7 * 21) + 15, IndexOfLargest(destination));
    }

    [Fact]
    public void A_shift_moves_every_pixel_of_every_channel_exactly_and_fills_with_zero()
    {
        var shape = new ImageShape(2, 5, 7);
        var source = new float[shape.Size];
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = i + 1;
        }

        var destination = new float[shape.Size];
        ImageResampling.RotateAndShift(source, destination, shape, angleRadians: 0, shiftX: 2, shiftY: -1);

        for (var channel = 0; channel < 2; channel++)
        {
            for (var y = 0; y < 5; y++)
            {
                for (var x = 0; x < 7; x++)
                {
                    var (fromX, fromY) = (x - 2, y + 1);
                    var expected = fromX is >= 0 and < 7 && fromY is >= 0 and < 5 ? source[(channel * 35) + (fromY * 7) + fromX] : 0f;
                    Assert.Equal(expected, destination[(channel * 35) + (y * 7) + x]);
                }
            }
        }
    }

    private static int IndexOfLargest(float[] values)
    {
        var largest = 0;
        for (var i = 1; i < values.Length; i++)
        {
            largest = values[i] > values[largest] ? i : largest;
        }

        return largest;
    }

    /// <summary>The total and the value-weighted mean position of an image of width <paramref name="width"/>.</summary>
    internal static (double Mass, double X, double Y) CentreOfMass(ReadOnlySpan<float> image, int width)
    {
        double mass = 0, x = 0, y = 0;
        for (var i = 0; i < image.Length; i++)
        {
            mass += image[i];
            x += image[i] * (i % width);
            y += image[i] * (i / width);
        }

        return (mass, x / mass, y / mass);
    }
}

using System;

namespace NetGen;

/// <summary>
/// Rotates an image about its centre and shifts it, by bilinear interpolation with zero fill: each output pixel is read
/// from where the inverse transform puts it in the source, and what falls outside the source is 0. Rows run down the
/// screen, so a positive angle turns the picture counter-clockwise as displayed: a pixel right of the centre moves up.
/// </summary>
internal static class ImageResampling
{
    // A source coordinate this close to a whole pixel is taken as that pixel, so that quarter turns and plain shifts
    // copy values exactly although cos 90° is 6e-17 rather than 0 in floating point.
    private const double Snap = 1e-9;

    /// <summary>
    /// destination = source turned by <paramref name="angleRadians"/> about ((width − 1)/2, (height − 1)/2), then moved
    /// <paramref name="shiftX"/> pixels right and <paramref name="shiftY"/> pixels down; every channel alike.
    /// </summary>
    public static void RotateAndShift(ReadOnlySpan<float> source, Span<float> destination, ImageShape shape, double angleRadians, int shiftX, int shiftY)
    {
        var (sin, cos) = Math.SinCos(angleRadians);
        var centreX = (shape.Width - 1) * 0.5;
        var centreY = (shape.Height - 1) * 0.5;
        var plane = shape.PlaneSize;
        for (var y = 0; y < shape.Height; y++)
        {
            var v = y - centreY - shiftY;
            for (var x = 0; x < shape.Width; x++)
            {
                var u = x - centreX - shiftX;
                var sourceX = SnapToPixel(centreX + (u * cos) - (v * sin));
                var sourceY = SnapToPixel(centreY + (u * sin) + (v * cos));
                var left = (int)Math.Floor(sourceX);
                var top = (int)Math.Floor(sourceY);
                var fractionX = sourceX - left;
                var fractionY = sourceY - top;
                var output = (y * shape.Width) + x;
                for (var channel = 0; channel < shape.Channels; channel++)
                {
                    var planeStart = channel * plane;
                    var value =
                        ((1 - fractionX) * (1 - fractionY) * Pixel(source, shape, planeStart, left, top)) +
                        (fractionX * (1 - fractionY) * Pixel(source, shape, planeStart, left + 1, top)) +
                        ((1 - fractionX) * fractionY * Pixel(source, shape, planeStart, left, top + 1)) +
                        (fractionX * fractionY * Pixel(source, shape, planeStart, left + 1, top + 1));
                    destination[planeStart + output] = (float)value;
                }
            }
        }
    }

    private static double SnapToPixel(double coordinate)
    {
        var nearest = Math.Round(coordinate);
        return Math.Abs(coordinate - nearest) < Snap ? nearest : coordinate;
    }

    private static float Pixel(ReadOnlySpan<float> source, ImageShape shape, int planeStart, int x, int y) =>
        (uint)x < (uint)shape.Width && (uint)y < (uint)shape.Height ? source[planeStart + (y * shape.Width) + x] : 0f;
}

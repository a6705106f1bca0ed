using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>
/// The shape of a 2-D pooling over one NCHW sample: each of <paramref name="Channels"/> planes of
/// <paramref name="Height"/> × <paramref name="Width"/> is reduced to <see cref="OutputHeight"/> × <see cref="OutputWidth"/>
/// by a square <paramref name="Window"/> × <paramref name="Window"/> window moved by <paramref name="Stride"/> over the
/// plane padded by <paramref name="Padding"/> on every side.
/// </summary>
/// <param name="Channels">Planes, pooled independently; at least 1.</param>
/// <param name="Height">Input rows; at least 1.</param>
/// <param name="Width">Input columns; at least 1.</param>
/// <param name="Window">Side of the square window; at least 1 and at most the padded height and width.</param>
/// <param name="Stride">Step of the window along both axes; at least 1.</param>
/// <param name="Padding">Cells added on each side of both axes; at least 0 and less than <paramref name="Window"/>, so that
/// every window holds at least one input cell.</param>
/// <exception cref="ArgumentException">A size is less than 1, the padding is negative or not less than the window,
/// the window does not fit in the padded input, or a sample would hold more than <see cref="int.MaxValue"/> floats.</exception>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct Pool2DShape(int Channels, int Height, int Width, int Window, int Stride, int Padding)
{
    // Get-only, so that a `with` expression cannot skip the validation; the initializer runs it once.
    /// <summary>Planes, pooled independently.</summary>
    public int Channels { get; } = Validate(Channels, Height, Width, Window, Stride, Padding);

    /// <summary>Input rows.</summary>
    public int Height { get; } = Height;

    /// <summary>Input columns.</summary>
    public int Width { get; } = Width;

    /// <summary>Side of the square window.</summary>
    public int Window { get; } = Window;

    /// <summary>Step of the window along both axes.</summary>
    public int Stride { get; } = Stride;

    /// <summary>Cells added on each side of both axes.</summary>
    public int Padding { get; } = Padding;

    /// <summary>(Height + 2·Padding − Window) / Stride + 1.</summary>
    public int OutputHeight => ((Height + (2 * Padding) - Window) / Stride) + 1;

    /// <summary>(Width + 2·Padding − Window) / Stride + 1.</summary>
    public int OutputWidth => ((Width + (2 * Padding) - Window) / Stride) + 1;

    /// <summary>Floats per input sample: Channels·Height·Width.</summary>
    public int InputSize => Channels * Height * Width;

    /// <summary>Floats per output sample: Channels·OutputHeight·OutputWidth.</summary>
    public int OutputSize => Channels * OutputHeight * OutputWidth;

    /// <summary>Throws if this is <c>default</c>, the one value that bypasses the constructor.</summary>
    internal void ThrowIfDefault(string name)
    {
        if (Window == 0)
        {
            throw new ArgumentException("The pooling shape is uninitialized (default).", name);
        }
    }

    private static int Validate(int channels, int height, int width, int window, int stride, int padding)
    {
        RequirePositive(channels, nameof(Channels));
        RequirePositive(height, nameof(Height));
        RequirePositive(width, nameof(Width));
        RequirePositive(window, nameof(Window));
        RequirePositive(stride, nameof(Stride));
        if (padding < 0 || padding >= window)
        {
            throw new ArgumentException(
                $"Padding must be at least 0 and less than the window {window}, not {padding}: " +
                "a window holding only padding has no maximum.",
                nameof(Padding));
        }

        if (window > height + (2L * padding) || window > width + (2L * padding))
        {
            throw new ArgumentException(
                $"A {window}×{window} window does not fit in a {height}×{width} input padded by {padding} " +
                $"({height + (2L * padding)}×{width + (2L * padding)}).",
                nameof(Window));
        }

        if ((long)channels * height * width > int.MaxValue)
        {
            throw new ArgumentException(
                $"One sample of {channels}×{height}×{width} would hold more than {int.MaxValue} floats.", nameof(Channels));
        }

        return channels;
    }

    private static void RequirePositive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{name} must be at least 1, not {value}.", name);
        }
    }
}

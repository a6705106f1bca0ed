using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>
/// The shape of a 2-D convolution over one NCHW sample: <paramref name="Channels"/> planes of
/// <paramref name="Height"/> × <paramref name="Width"/> in, <paramref name="Filters"/> planes of
/// <see cref="OutputHeight"/> × <see cref="OutputWidth"/> out, a square <paramref name="Kernel"/> × <paramref name="Kernel"/>
/// window moved by <paramref name="Stride"/> over the input zero-padded by <paramref name="Padding"/> on every side.
/// Weights are stored [Filters, Channels, Kernel, Kernel], biases [Filters].
/// </summary>
/// <param name="Channels">Input planes; at least 1.</param>
/// <param name="Height">Input rows; at least 1.</param>
/// <param name="Width">Input columns; at least 1.</param>
/// <param name="Filters">Output planes; at least 1.</param>
/// <param name="Kernel">Side of the square window; at least 1 and at most the padded height and width.</param>
/// <param name="Stride">Step of the window along both axes; at least 1.</param>
/// <param name="Padding">Zeros added on each side of both axes; at least 0.</param>
/// <exception cref="ArgumentException">A size is less than 1, the padding is negative, the window does not fit in
/// the padded input, or a buffer would hold more than <see cref="int.MaxValue"/> floats.</exception>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct Conv2DShape(int Channels, int Height, int Width, int Filters, int Kernel, int Stride, int Padding)
{
    // Get-only, so that a `with` expression cannot skip the validation; the initializer runs it once.
    /// <summary>Input planes.</summary>
    public int Channels { get; } = Validate(Channels, Height, Width, Filters, Kernel, Stride, Padding);

    /// <summary>Input rows.</summary>
    public int Height { get; } = Height;

    /// <summary>Input columns.</summary>
    public int Width { get; } = Width;

    /// <summary>Output planes.</summary>
    public int Filters { get; } = Filters;

    /// <summary>Side of the square window.</summary>
    public int Kernel { get; } = Kernel;

    /// <summary>Step of the window along both axes.</summary>
    public int Stride { get; } = Stride;

    /// <summary>Zeros added on each side of both axes.</summary>
    public int Padding { get; } = Padding;

    /// <summary>(Height + 2·Padding − Kernel) / Stride + 1.</summary>
    public int OutputHeight => ((Height + (2 * Padding) - Kernel) / Stride) + 1;

    /// <summary>(Width + 2·Padding − Kernel) / Stride + 1.</summary>
    public int OutputWidth => ((Width + (2 * Padding) - Kernel) / Stride) + 1;

    /// <summary>Floats per input sample: Channels·Height·Width.</summary>
    public int InputSize => Channels * Height * Width;

    /// <summary>Floats per output sample: Filters·OutputHeight·OutputWidth.</summary>
    public int OutputSize => Filters * OutputHeight * OutputWidth;

    /// <summary>Floats in the weights: Filters·Channels·Kernel·Kernel.</summary>
    public int WeightLength => Filters * PatchSize;

    /// <summary>Input values under one window: Channels·Kernel·Kernel, the rows of the im2col matrix.</summary>
    internal int PatchSize => Channels * Kernel * Kernel;

    /// <summary>Output positions per plane: OutputHeight·OutputWidth, the columns of the im2col matrix.</summary>
    internal int OutputPlane => OutputHeight * OutputWidth;

    /// <summary>Throws if this is <c>default</c>, the one value that bypasses the constructor.</summary>
    internal void ThrowIfDefault(string name)
    {
        if (Kernel == 0)
        {
            throw new ArgumentException("The convolution shape is uninitialized (default).", name);
        }
    }

    private static int Validate(int channels, int height, int width, int filters, int kernel, int stride, int padding)
    {
        RequirePositive(channels, nameof(Channels));
        RequirePositive(height, nameof(Height));
        RequirePositive(width, nameof(Width));
        RequirePositive(filters, nameof(Filters));
        RequirePositive(kernel, nameof(Kernel));
        RequirePositive(stride, nameof(Stride));
        if (padding < 0)
        {
            throw new ArgumentException($"Padding must be at least 0, not {padding}.", nameof(Padding));
        }

        if (kernel > height + (2L * padding) || kernel > width + (2L * padding))
        {
            throw new ArgumentException(
                $"A {kernel}×{kernel} kernel does not fit in a {height}×{width} input padded by {padding} " +
                $"({height + (2L * padding)}×{width + (2L * padding)}).",
                nameof(Kernel));
        }

        long outputPlane = (((height + (2L * padding) - kernel) / stride) + 1) * (((width + (2L * padding) - kernel) / stride) + 1);
        long patch = (long)channels * kernel * kernel;
        RequireFits((long)channels * height * width, "The input");
        RequireFits(filters * outputPlane, "The output");
        RequireFits(filters * patch, "The weight");
        RequireFits(patch * outputPlane, "The im2col matrix");
        return channels;
    }

    private static void RequirePositive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{name} must be at least 1, not {value}.", name);
        }
    }

    private static void RequireFits(long floats, string what)
    {
        if (floats > int.MaxValue)
        {
            throw new ArgumentException($"{what} of one sample would hold {floats} floats, more than {int.MaxValue}.");
        }
    }
}

using System;
using NetGen.Internal;

namespace NetGen.Cpu;

/// <summary>
/// The layout of the direct kernels for stride-1 convolutions. The input is copied into a zero-padded plane per
/// channel, PaddedWidth wide, and the output is computed at every position j = oh·PaddedWidth + ow′ of the padded
/// width, so that the input value under window cell (c, kh, kw) of output j is always
/// <c>padded[Offset(c, kh, kw) + j]</c>: each tap of the kernel reads a contiguous run of the padded input. The
/// columns ow′ ≥ OW are computed and thrown away.
/// </summary>
internal readonly struct Conv2DDirectLayout
{
    /// <summary>The width of the runs <see cref="Conv2DDirectForward"/> and <see cref="Conv2DDirectWeightGradient"/> work in.</summary>
    public const int ColumnBlock = 32;

    /// <summary>What the tap and filter counts are rounded up to for <see cref="Conv2DDirectWeightGradient"/>.</summary>
    public const int TapBlock = 4;

    public Conv2DDirectLayout(in Conv2DShape shape)
    {
        PaddedWidth = shape.Width + (2 * shape.Padding);
        PaddedPlane = (shape.Height + (2 * shape.Padding)) * PaddedWidth;
        Columns = RoundUp(shape.OutputHeight * PaddedWidth, ColumnBlock);
        PaddedTaps = RoundUp(shape.PatchSize, TapBlock);
        PaddedFilters = RoundUp(shape.Filters, TapBlock);
        // The last tap reads up to Offset(C − 1, K − 1, K − 1) + Columns − 1.
        PaddedInputLength = ((shape.Channels - 1) * PaddedPlane) + ((shape.Kernel - 1) * (PaddedWidth + 1)) + Columns;
    }

    /// <summary>Floats per padded input row.</summary>
    public int PaddedWidth { get; }

    /// <summary>Floats per padded input channel.</summary>
    public int PaddedPlane { get; }

    /// <summary>Output positions computed per filter: OH·PaddedWidth rounded up to <see cref="ColumnBlock"/>.</summary>
    public int Columns { get; }

    /// <summary>C·K·K rounded up to <see cref="TapBlock"/>.</summary>
    public int PaddedTaps { get; }

    /// <summary>F rounded up to <see cref="TapBlock"/>.</summary>
    public int PaddedFilters { get; }

    /// <summary>Floats of the padded input, the zeros that the last runs read past its last row included.</summary>
    public int PaddedInputLength { get; }

    /// <summary>Whether the direct kernels compute this convolution: stride 1, except 1×1 kernels without padding, whose
    /// im2col matrix is the input itself, and sizes too large for the padded layout.</summary>
    public static bool Applies(in Conv2DShape shape)
    {
        if (shape.Stride != 1 || Conv2DColumns.IsImage(shape))
        {
            return false;
        }

        long paddedWidth = shape.Width + (2L * shape.Padding);
        long paddedPlane = (shape.Height + (2L * shape.Padding)) * paddedWidth;
        long columns = (shape.OutputHeight * paddedWidth) + ColumnBlock;
        long filters = shape.Filters + TapBlock;
        return (shape.Channels * paddedPlane) + (shape.Kernel * (paddedWidth + 1)) + columns <= int.MaxValue
            && filters * columns <= int.MaxValue
            && filters * (shape.PatchSize + TapBlock) <= int.MaxValue;
    }

    /// <summary>offsets[(c·K + kh)·K + kw] = c·PaddedPlane + kh·PaddedWidth + kw, then copies of offsets[0] up to
    /// <see cref="PaddedTaps"/>.</summary>
    public unsafe void FillOffsets(int* offsets, in Conv2DShape shape)
    {
        var tap = 0;
        for (var channel = 0; channel < shape.Channels; channel++)
        {
            for (var kh = 0; kh < shape.Kernel; kh++)
            {
                for (var kw = 0; kw < shape.Kernel; kw++)
                {
                    offsets[tap++] = (channel * PaddedPlane) + (kh * PaddedWidth) + kw;
                }
            }
        }

        for (; tap < PaddedTaps; tap++)
        {
            offsets[tap] = offsets[0];
        }
    }

    /// <summary>Copies one sample's image into the inside of <paramref name="padded"/>, whose other cells must be zero.</summary>
    public unsafe void PadInput(float* image, float* padded, in Conv2DShape shape)
    {
        int height = shape.Height, width = shape.Width;
        var inside = padded + (shape.Padding * (PaddedWidth + 1));
        for (var channel = 0; channel < shape.Channels; channel++, inside += PaddedPlane)
        {
            for (var h = 0; h < height; h++, image += width)
            {
                Conv2DVectors.Copy(image, inside + ((nint)h * PaddedWidth), width);
            }
        }
    }

    /// <summary>Copies one sample's output gradient [F, OH, OW] into rows of <see cref="Columns"/> at the positions
    /// oh·PaddedWidth + ow; the other cells of <paramref name="spread"/> must be zero.</summary>
    public unsafe void SpreadDelta(float* delta, float* spread, in Conv2DShape shape)
    {
        int outputHeight = shape.OutputHeight, outputWidth = shape.OutputWidth;
        for (var filter = 0; filter < shape.Filters; filter++, spread += Columns)
        {
            for (var oh = 0; oh < outputHeight; oh++, delta += outputWidth)
            {
                Conv2DVectors.Copy(delta, spread + ((nint)oh * PaddedWidth), outputWidth);
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}

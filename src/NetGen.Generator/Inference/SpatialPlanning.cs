using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Inference;

/// <summary>The shape rules convolution and pooling share: an image input, and a window sliding over it padded.</summary>
internal static class SpatialPlanning
{
    /// <summary>The input as channels × height × width (a matrix is one channel); anything else is reported and read as 1×0×0.</summary>
    public static Shape ImageInput(LayerPlanning planning)
    {
        var input = planning.Input;
        if (input.IsSpatial)
        {
            return Shape.Image(input.Channels, input.Height, input.Width);
        }

        planning.Report(DiagnosticDescriptors.LayerNeedsImage, planning.Layer.Kind, planning.Layer.Name, planning.PreviousName, input);
        return Shape.Image(1, 0, 0);
    }

    /// <summary>Output height and width of a <paramref name="window"/>-sized window moved by <paramref name="stride"/> over <paramref name="image"/> padded by <paramref name="padding"/>.</summary>
    public static (int Height, int Width) Output(LayerPlanning planning, Shape image, int window, int stride, int padding)
    {
        if (image.Height == 0)
        {
            return (1, 1); // not an image: already reported
        }

        var layer = planning.Layer;
        var paddedHeightLong = image.Height + (2L * padding);
        var paddedWidthLong = image.Width + (2L * padding);
        if (paddedHeightLong > int.MaxValue || paddedWidthLong > int.MaxValue)
        {
            planning.Report(DiagnosticDescriptors.NetworkTooLarge, planning.Network.ClassName, "activations per sample", layer.Name);
            return (1, 1);
        }

        var paddedHeight = (int)paddedHeightLong;
        var paddedWidth = (int)paddedWidthLong;
        if (window > paddedHeight || window > paddedWidth)
        {
            planning.Report(DiagnosticDescriptors.WindowTooLarge, layer.Kind, layer.Name, window, padding, paddedHeight, paddedWidth, planning.PreviousName, planning.Input);
            return (1, 1);
        }

        var unusedRows = (paddedHeight - window) % stride;
        var unusedColumns = (paddedWidth - window) % stride;
        if (unusedRows > 0 || unusedColumns > 0)
        {
            planning.Report(DiagnosticDescriptors.StrideDropsInput, layer.Kind, layer.Name, stride, unusedRows, unusedColumns, paddedHeight, paddedWidth);
        }

        return (((paddedHeight - window) / stride) + 1, ((paddedWidth - window) / stride) + 1);
    }
}

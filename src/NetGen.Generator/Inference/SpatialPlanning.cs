using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Inference;

/// <summary>The shape rules convolution and pooling share: an image input, and a window sliding over it padded.</summary>
internal static class SpatialPlanning
{
    /// <summary>The input as channels × height × width (a matrix is one channel); anything else is read as 1×0×0, reported unless its shape is unknown.</summary>
    public static Shape ImageInput(LayerPlanning planning)
    {
        var input = planning.Input;
        if (input.IsSpatial)
        {
            return Shape.Image(input.Channels, input.Height, input.Width);
        }

        if (input.IsKnown)
        {
            planning.Report(DiagnosticDescriptors.LayerNeedsImage, planning.Layer.Kind, planning.Layer.Name, planning.PreviousName, input);
        }

        return Shape.Image(1, 0, 0);
    }

    /// <summary>
    /// Output height and width of a <paramref name="window"/>-sized window moved by <paramref name="stride"/> over <paramref name="image"/>
    /// padded by <paramref name="padding"/>; null where they cannot be inferred (not an image, or a window that does not fit: reported).
    /// </summary>
    public static (int Height, int Width)? Output(LayerPlanning planning, Shape image, int window, int stride, int padding)
    {
        if (image.Height == 0)
        {
            return null;
        }

        var layer = planning.Layer;
        var paddedHeightLong = image.Height + (2L * padding);
        var paddedWidthLong = image.Width + (2L * padding);
        if (paddedHeightLong > int.MaxValue || paddedWidthLong > int.MaxValue)
        {
            planning.Report(DiagnosticDescriptors.NetworkTooLarge, planning.Network.ClassName, "activations per sample", layer.Name);
            return null;
        }

        var paddedHeight = (int)paddedHeightLong;
        var paddedWidth = (int)paddedWidthLong;
        if (window > paddedHeight || window > paddedWidth)
        {
            planning.Report(DiagnosticDescriptors.WindowTooLarge, layer.Kind, layer.Name, window, padding, paddedHeight, paddedWidth, planning.PreviousName, planning.Input);
            return null;
        }

        var unreadRows = UnreadInputLines(paddedHeight, window, stride, padding);
        var unreadColumns = UnreadInputLines(paddedWidth, window, stride, padding);
        if (unreadRows > 0 || unreadColumns > 0)
        {
            var unread = unreadRows == 0 ? Plural.Of(unreadColumns, "column")
                : unreadColumns == 0 ? Plural.Of(unreadRows, "row")
                : Plural.Of(unreadRows, "row") + " and " + Plural.Of(unreadColumns, "column");
            planning.Report(DiagnosticDescriptors.StrideDropsInput, layer.Kind, layer.Name, window, stride, padding, unread, image.Height, image.Width);
        }

        return (((paddedHeight - window) / stride) + 1, ((paddedWidth - window) / stride) + 1);
    }

    /// <summary>
    /// Rows (or columns) of the input itself past the last window: the padded lines no window reaches, less the padding
    /// among them. Padding that no window reads loses nothing (a 3×3 kernel with stride 2 and padding 1 on 32 rows).
    /// </summary>
    private static int UnreadInputLines(int paddedLength, int window, int stride, int padding) =>
        System.Math.Max(0, ((paddedLength - window) % stride) - padding);
}

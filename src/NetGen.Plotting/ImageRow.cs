using System;

namespace NetGen.Plotting;

/// <summary>One labelled row of an <see cref="ImageGridPlot"/>: images of one size, one after another in <see cref="Images"/>.</summary>
/// <param name="Label">The row's name, written beside it.</param>
/// <param name="Images">The row's images, each height × width floats, row-major, as a batch of one-channel samples.</param>
public sealed record ImageRow(string Label, float[] Images)
{
    /// <summary>The row's name, written beside it.</summary>
    public string Label { get; } = Label ?? throw new ArgumentNullException(nameof(Label));

    /// <summary>The row's images, each height × width floats, row-major, as a batch of one-channel samples.</summary>
    public float[] Images { get; } = Images ?? throw new ArgumentNullException(nameof(Images));
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Data;

/// <summary>The contents of an unsigned-byte IDX file: its dimensions and its elements, row-major.</summary>
public sealed class IdxData
{
    private readonly int[] _dimensions;

    internal IdxData(string filePath, int[] dimensions, byte[] data)
    {
        FilePath = filePath;
        _dimensions = dimensions;
        Data = data;
    }

    /// <summary>The file this was read from.</summary>
    public string FilePath { get; }

    /// <summary>The dimensions, outermost first (60000, 28, 28 for MNIST's training images).</summary>
    public IReadOnlyList<int> Dimensions => _dimensions;

    /// <summary>The elements, row-major (last dimension fastest); a fresh array the caller owns.</summary>
    public byte[] Data { get; }

    /// <summary>The first dimension: the number of items (images, labels) in the file.</summary>
    public int Count => _dimensions[0];

    /// <summary>The dimensions written "60000×28×28".</summary>
    public string Shape => FormatShape(_dimensions);

    internal static string FormatShape(ReadOnlySpan<int> dimensions) =>
        string.Join("×", dimensions.ToArray().Select(d => d.ToString(CultureInfo.InvariantCulture)));
}

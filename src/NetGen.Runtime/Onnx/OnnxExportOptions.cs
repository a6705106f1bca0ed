using System;

namespace NetGen.Onnx;

/// <summary>How <see cref="OnnxExport"/> writes a model.</summary>
public sealed class OnnxExportOptions
{
    /// <summary>The lowest ONNX opset the exported operators are written for.</summary>
    public const int MinimumOpset = 13;

    /// <summary>The highest opset written: ReduceMax takes its axes as an input from opset 18 on.</summary>
    public const int MaximumOpset = 17;

    /// <summary>
    /// Appends a softmax over each sample's outputs, so that the model gives what the generated <c>Predict</c> gives for a
    /// <see cref="Loss.SoftmaxCrossEntropy"/> network (class probabilities) rather than what <c>Forward</c> gives (logits).
    /// Default false: the model computes <c>Forward</c>.
    /// </summary>
    public bool AppendSoftmax { get; init; }

    /// <summary>The default ONNX opset imported, from <see cref="MinimumOpset"/> to <see cref="MaximumOpset"/> (default 13).</summary>
    public int Opset
    {
        get;
        init => field = value is >= MinimumOpset and <= MaximumOpset
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Opset), value, $"NetGen writes opsets {MinimumOpset} to {MaximumOpset}.");
    } = MinimumOpset;
}

using System;
using System.Globalization;
using NetGen.Internal;

namespace NetGen;

/// <summary>Samples and their targets held in memory, row-major, sample after sample.</summary>
public sealed class Dataset
{
    private readonly float[] _inputs;
    private readonly float[] _targets;

    /// <summary>
    /// Wraps <paramref name="inputs"/> and <paramref name="targets"/> (not copied); both must hold the same whole number of
    /// samples. Both are checked for NaN and ±∞ (one vectorized pass) unless <paramref name="allowNonFinite"/> is true:
    /// such a value would make every parameter NaN in training.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The sizes do not fit, or a value is NaN or ±∞ (the message names the array, the sample, the feature and the value).
    /// </exception>
    public Dataset(float[] inputs, float[] targets, int inputSize, int targetSize, bool allowNonFinite = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetSize);
        if (inputs.Length == 0 || inputs.Length % inputSize != 0)
        {
            throw new ArgumentException($"inputs holds {Plural.Of(inputs.Length, "float")}, which is not a positive whole number of {inputSize}-float samples.", nameof(inputs));
        }

        Count = inputs.Length / inputSize;
        if (targets.Length != (long)Count * targetSize)
        {
            throw new ArgumentException(
                $"targets holds {Plural.Of(targets.Length, "float")} but needs {(long)Count * targetSize} for {Plural.Of(Count, "sample")} of {Plural.Of(targetSize, "target")}.", nameof(targets));
        }

        if (!allowNonFinite)
        {
            RequireFinite(inputs, inputSize, nameof(inputs));
            RequireFinite(targets, targetSize, nameof(targets));
        }

        _inputs = inputs;
        _targets = targets;
        InputSize = inputSize;
        TargetSize = targetSize;
    }

    /// <summary>
    /// A dataset whose targets are the one-hot rows of class indices in [0, <paramref name="classes"/>); the inputs are
    /// checked for NaN and ±∞ unless <paramref name="allowNonFinite"/> is true.
    /// </summary>
    public static Dataset FromClassLabels(float[] inputs, int inputSize, ReadOnlySpan<int> labels, int classes, bool allowNonFinite = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var targets = new float[(long)labels.Length * classes];
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"labels[{i}] is {labels[i]}; class labels must lie in [0, {classes}).", nameof(labels));
            }

            targets[((long)i * classes) + labels[i]] = 1f;
        }

        return new Dataset(inputs, targets, inputSize, classes, allowNonFinite);
    }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Floats per input sample.</summary>
    public int InputSize { get; }

    /// <summary>Floats per target.</summary>
    public int TargetSize { get; }

    /// <summary>All inputs.</summary>
    public ReadOnlySpan<float> Inputs => _inputs;

    /// <summary>All targets.</summary>
    public ReadOnlySpan<float> Targets => _targets;

    /// <summary>The inputs of samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    public ReadOnlySpan<float> InputRows(int start, int count) => _inputs.AsSpan(start * InputSize, count * InputSize);

    /// <summary>The targets of samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    public ReadOnlySpan<float> TargetRows(int start, int count) => _targets.AsSpan(start * TargetSize, count * TargetSize);

    /// <summary>A new dataset holding copies of the samples <paramref name="rows"/>, in that order.</summary>
    internal Dataset CopyRows(ReadOnlySpan<int> rows)
    {
        var inputs = new float[(long)rows.Length * InputSize];
        var targets = new float[(long)rows.Length * TargetSize];
        for (var i = 0; i < rows.Length; i++)
        {
            InputRows(rows[i], 1).CopyTo(inputs.AsSpan(i * InputSize, InputSize));
            TargetRows(rows[i], 1).CopyTo(targets.AsSpan(i * TargetSize, TargetSize));
        }

        return new Dataset(inputs, targets, InputSize, TargetSize, allowNonFinite: true); // checked (or let through) when this one was made
    }

    private static void RequireFinite(float[] values, int sampleSize, string name)
    {
        var index = NonFiniteValues.IndexOfFirst(values);
        if (index >= 0)
        {
            var sample = (index / sampleSize).ToString(CultureInfo.InvariantCulture);
            var feature = (index % sampleSize).ToString(CultureInfo.InvariantCulture);
            throw new ArgumentException(
                $"{name}[{index.ToString(CultureInfo.InvariantCulture)}] (sample {sample}, feature {feature}) is {NonFiniteValues.Describe(values[index])}; " +
                "training on it would turn every parameter into NaN. Clean or impute the data, or pass allowNonFinite: true to keep it.",
                name);
        }
    }
}

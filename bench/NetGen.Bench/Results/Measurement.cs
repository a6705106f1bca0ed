using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Bench.Results;

/// <summary>
/// Repeated measurements of one metric of one workload by one implementation, for example the seconds of a
/// 1024² matrix product by PyTorch over five runs. <see cref="Median"/> is what the report shows.
/// </summary>
internal sealed record Measurement(
    string Section, string Workload, string Implementation, string Metric, string Unit, IReadOnlyList<double> Values)
{
    public double Median => MedianOf(Values);

    /// <summary>The middle value, or the mean of the two middle ones; NaN for none.</summary>
    public static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The value below which <paramref name="fraction"/> of <paramref name="values"/> lie, interpolated linearly between the two
    /// nearest ranks (NumPy's default): 0.5 is the median, 0.99 the 99th percentile. NaN when there are no values.
    /// </summary>
    public static double Percentile(IReadOnlyList<double> values, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1.0);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var position = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    public static Measurement Single(string section, string workload, string implementation, string metric, string unit, double value)
        => new(section, workload, implementation, metric, unit, [value]);

    public override string ToString() => $"{Section} / {Workload} / {Implementation} / {Metric}: {Median} {Unit} (n={Values.Count})";
}

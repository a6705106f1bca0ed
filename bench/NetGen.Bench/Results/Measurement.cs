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
    public double Median
    {
        get
        {
            if (Values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = Values.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public static Measurement Single(string section, string workload, string implementation, string metric, string unit, double value)
        => new(section, workload, implementation, metric, unit, [value]);

    public override string ToString() => $"{Section} / {Workload} / {Implementation} / {Metric}: {Median} {Unit} (n={Values.Count})";
}

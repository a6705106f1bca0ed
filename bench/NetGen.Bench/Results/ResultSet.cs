using System.Collections.Generic;
using System.Linq;

namespace NetGen.Bench.Results;

/// <summary>Everything one harness run measured, and what it could not run and why.</summary>
internal sealed class ResultSet
{
    private readonly List<Measurement> _measurements = new();
    private readonly List<string> _notRun = new();

    public IReadOnlyList<Measurement> Measurements => _measurements;

    /// <summary>One line per peer or workload that did not run, saying why.</summary>
    public IReadOnlyList<string> NotRun => _notRun;

    public void Add(Measurement measurement) => _measurements.Add(measurement);

    public void AddNotRun(string reason) => _notRun.Add(reason);

    /// <summary>The median of a measurement, or NaN when it was not taken.</summary>
    public double Median(string section, string workload, string implementation, string metric)
        => Find(section, workload, implementation, metric)?.Median ?? double.NaN;

    public Measurement? Find(string section, string workload, string implementation, string metric)
        => _measurements.FirstOrDefault(m =>
            m.Section == section && m.Workload == workload && m.Implementation == implementation && m.Metric == metric);
}

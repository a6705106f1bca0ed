using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Bench.Results;

/// <summary>Every measurement with all of its repeats, one row each, for anyone who wants more than the medians.</summary>
internal static class CsvReport
{
    public static string Write(ResultSet results)
    {
        var text = new StringBuilder("section,workload,implementation,metric,unit,median,repeats,values\n");
        foreach (var m in results.Measurements)
        {
            var values = string.Join(' ', m.Values.Select(Number));
            text.Append(string.Join(',', Quote(m.Section), Quote(m.Workload), Quote(m.Implementation), Quote(m.Metric), Quote(m.Unit),
                Number(m.Median), m.Values.Count.ToString(CultureInfo.InvariantCulture), Quote(values))).Append('\n');
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string field)
        => field.IndexOfAny([',', '"', '\n']) < 0 ? field : $"\"{field.Replace("\"", "\"\"", System.StringComparison.Ordinal)}\"";
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Samples.Sequences;

/// <summary>The adding problem's runs as text: one line per run as it ends, and the table of cell × length.</summary>
public static class AddingTable
{
    /// <summary>One run's validation MSE after each epoch, and its time.</summary>
    public static string Describe(AddingRun run) => string.Create(CultureInfo.InvariantCulture,
        $"{run.Cell.LayerName(),-9} T = {run.Length,2}: validation MSE by epoch {string.Join(' ', run.ValidationMse.Select(mse => mse.ToString("0.0000", CultureInfo.InvariantCulture)))} ({run.Elapsed.TotalSeconds:0.0} s)");

    /// <summary>Final validation MSE per cell (rows) and length (columns), each with whether it beats the baseline.</summary>
    public static string Format(IReadOnlyList<AddingRun> runs)
    {
        var lengths = runs.Select(run => run.Length).Distinct().ToArray();
        var cells = runs.Select(run => run.Cell).Distinct().ToArray();
        var text = new StringBuilder();
        var header = new StringBuilder("cell     ");
        foreach (var length in lengths)
        {
            header.Append(string.Create(CultureInfo.InvariantCulture, $"  {"T = " + length,-12}"));
        }

        text.AppendLine(header.ToString().TrimEnd());
        foreach (var cell in cells)
        {
            var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{cell.LayerName(),-9}"));
            foreach (var length in lengths)
            {
                var run = runs.FirstOrDefault(r => r.Cell == cell && r.Length == length);
                line.Append(run is null
                    ? $"  {"—",-12}"
                    : string.Create(CultureInfo.InvariantCulture, $"  {run.FinalMse,6:0.0000} {(run.BeatsBaseline ? "beats" : "fails"),-5}"));
            }

            text.AppendLine(line.ToString().TrimEnd());
        }

        var baseline = runs.Select(run => run.BaselineMse).ToArray();
        text.Append(string.Create(CultureInfo.InvariantCulture,
            $"Always predicting 1.0 scores {baseline.Min():0.0000}–{baseline.Max():0.0000} on these validation sets (1/6 ≈ {AddingProblem.BaselineMse:0.0000} in expectation); " +
            $"\"beats\" means below a tenth of that."));
        return text.ToString();
    }
}

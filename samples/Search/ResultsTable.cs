using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Search;
using Spectre.Console;

namespace NetGen.Samples.Search;

/// <summary>The trials of a search as a table, best first.</summary>
public static class ResultsTable
{
    /// <summary>The trials by validation loss, lowest first (the lower index first among equals), so the best leads.</summary>
    public static IReadOnlyList<TrialResult> Ranked(SearchResult result) =>
        result.Trials.OrderBy(trial => trial.ValidationLoss).ThenBy(trial => trial.Configuration.Index).ToArray();

    /// <summary>A Spectre.Console table with one row per trial, ranked.</summary>
    public static Table Build(SearchResult result)
    {
        var table = new Table().Title("Trials by validation loss").Caption("epochs: * stopped early; best: the epoch scored")
            .AddColumns("rank", "trial", "optimizer", "lr", "batch", "epochs", "best", "val loss", "val acc", "time");
        foreach (var column in table.Columns.Skip(3))
        {
            column.RightAligned();
        }

        var rank = 0;
        foreach (var trial in Ranked(result))
        {
            var configuration = trial.Configuration;
            table.AddRow(
                Cell(++rank),
                Cell(configuration.Index),
                configuration.Optimizer.ToString(),
                configuration.LearningRate.ToString("G3", CultureInfo.InvariantCulture),
                Cell(configuration.BatchSize),
                Cell(trial.EpochsRun) + (trial.StoppedEarly ? "*" : " "),
                Cell(trial.BestEpoch),
                trial.ValidationLoss.ToString("0.0000", CultureInfo.InvariantCulture),
                trial.ValidationAccuracy.ToString("P2", CultureInfo.InvariantCulture),
                trial.Duration.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string Cell(int value) => value.ToString(CultureInfo.InvariantCulture);
}

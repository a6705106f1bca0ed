using System;
using System.Globalization;
using Spectre.Console;

namespace NetGen.Samples.Mnist;

/// <summary>Counts of (true digit, predicted digit) pairs on the test set.</summary>
internal sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    private ConfusionMatrix(int classes) => _counts = new int[classes, classes];

    public static ConfusionMatrix Compute(INetwork network, Dataset data, int batchSize = 500)
    {
        var classes = network.OutputSize;
        var matrix = new ConfusionMatrix(classes);
        var outputs = new float[batchSize * classes];
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, data.Count - start);
            var batchOutputs = outputs.AsSpan(0, count * classes);
            network.Forward(data.InputRows(start, count), batchOutputs);
            var targets = data.TargetRows(start, count);
            for (var i = 0; i < count; i++)
            {
                var actual = Metrics.ArgMax(targets.Slice(i * classes, classes));
                var predicted = Metrics.ArgMax(batchOutputs.Slice(i * classes, classes));
                matrix._counts[actual, predicted]++;
            }
        }

        return matrix;
    }

    /// <summary>A copy of the counts: [true digit, predicted digit].</summary>
    public int[,] Counts => (int[,])_counts.Clone();

    public void Render()
    {
        var classes = _counts.GetLength(0);
        var table = new Table().Title("Confusion matrix (rows: true digit, columns: predicted)").Border(TableBorder.Simple);
        table.AddColumn(new TableColumn(string.Empty));
        for (var predicted = 0; predicted < classes; predicted++)
        {
            table.AddColumn(new TableColumn(predicted.ToString(CultureInfo.InvariantCulture)).RightAligned());
        }

        for (var actual = 0; actual < classes; actual++)
        {
            var cells = new string[classes + 1];
            cells[0] = actual.ToString(CultureInfo.InvariantCulture);
            for (var predicted = 0; predicted < classes; predicted++)
            {
                var text = _counts[actual, predicted].ToString(CultureInfo.InvariantCulture);
                cells[predicted + 1] = actual == predicted ? $"[green]{text}[/]" : _counts[actual, predicted] == 0 ? "[grey]0[/]" : text;
            }

            table.AddRow(cells);
        }

        AnsiConsole.Write(table);
    }
}

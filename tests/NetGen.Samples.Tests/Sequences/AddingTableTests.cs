using System;
using NetGen.Samples.Sequences;

namespace NetGen.Samples.Tests.Sequences;

/// <summary>The adding problem's table: cells down, lengths across, and a verdict in every cell.</summary>
public sealed class AddingTableTests
{
    [Fact]
    public void Marks_a_run_below_a_tenth_of_the_baseline_as_beating_it_and_the_others_as_failing()
    {
        AddingRun[] runs =
        [
            Run(SequenceCell.Rnn, 10, 0.005), Run(SequenceCell.Rnn, 50, 0.17),
            Run(SequenceCell.Lstm, 10, 0.0001), Run(SequenceCell.Lstm, 50, 0.02),
        ];

        var lines = AddingTable.Format(runs).Split('\n');

        Assert.Contains("T = 10", lines[0], StringComparison.Ordinal);
        Assert.Contains("T = 50", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^SimpleRnn\s+0\.0050 beats\s+0\.1700 fails$", lines[1].TrimEnd());
        Assert.Matches(@"^Lstm\s+0\.0001 beats\s+0\.0200 fails$", lines[2].TrimEnd());
    }

    [Fact]
    public void Describes_a_run_by_its_mse_after_each_epoch()
    {
        var text = AddingTable.Describe(Run(SequenceCell.Gru, 30, 0.0123));

        Assert.StartsWith("Gru       T = 30: validation MSE by epoch 0.1600 0.0123", text, StringComparison.Ordinal);
    }

    private static AddingRun Run(SequenceCell cell, int length, double mse)
        => new(cell, length, [0.16, mse], mse, 0.167, TimeSpan.FromSeconds(1));
}

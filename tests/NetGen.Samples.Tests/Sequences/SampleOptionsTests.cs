using System;
using NetGen.Samples.Sequences;

namespace NetGen.Samples.Tests.Sequences;

/// <summary>The Sequences sample's command line.</summary>
public sealed class SampleOptionsTests
{
    [Fact]
    public void Mnist_defaults_to_the_lstm_for_five_epochs_of_every_image()
    {
        var settings = SampleOptions.Parse(["mnist"]).RowMnist;

        Assert.Equal(new RowMnistSettings(SequenceCell.Lstm, 5, 128, 1e-3f, 1, null), settings);
    }

    [Fact]
    public void Mnist_takes_a_cell_epochs_a_limit_and_a_seed()
    {
        var settings = SampleOptions.Parse(["mnist", "--cell", "GRU", "--epochs", "2", "--limit", "1000", "--seed", "9"]).RowMnist;

        Assert.Equal(new RowMnistSettings(SequenceCell.Gru, 2, 128, 1e-3f, 9, 1000), settings);
    }

    [Fact]
    public void Adding_defaults_to_every_cell_at_every_declared_length_for_2000_steps()
    {
        var settings = SampleOptions.Parse(["adding"]).Adding;

        Assert.Equal(SequenceCells.All, settings.Cells);
        Assert.Equal([10, 30, 50], settings.Lengths);
        Assert.Equal(2_000, settings.Steps);
    }

    [Fact]
    public void Adding_narrows_to_one_cell_and_some_lengths()
    {
        var settings = SampleOptions.Parse(["adding", "--cell", "rnn", "--lengths", "50,10", "--epochs", "3"]).Adding;

        Assert.Equal([SequenceCell.Rnn], settings.Cells);
        Assert.Equal([50, 10], settings.Lengths);
        Assert.Equal(600, settings.Steps);
    }

    [Theory]
    [InlineData("")]
    [InlineData("train")]
    [InlineData("mnist --cell transformer")]
    [InlineData("mnist --epochs 0")]
    [InlineData("mnist --epochs")]
    [InlineData("mnist --lengths 10")]
    [InlineData("adding --lengths 20")]
    [InlineData("adding --limit 100")]
    [InlineData("adding --verbose 1")]
    public void Refuses_what_it_cannot_do(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Throws<ArgumentException>(() => SampleOptions.Parse(args));
    }

    [Fact]
    public void Help_anywhere_asks_for_the_usage()
    {
        Assert.Throws<HelpRequested>(() => SampleOptions.Parse(["adding", "--help"]));
        Assert.Throws<HelpRequested>(() => SampleOptions.Parse(["-h"]));
        Assert.Contains("--lengths", SampleOptions.Usage, StringComparison.Ordinal);
    }
}

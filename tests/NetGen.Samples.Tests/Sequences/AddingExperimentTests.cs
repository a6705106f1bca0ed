using System;
using System.Linq;
using NetGen.Samples.Sequences;

namespace NetGen.Samples.Tests.Sequences;

/// <summary>The adding problem's training, small: an LSTM learns to add over 10 steps; the Elman network cannot carry the first value over 30.</summary>
public sealed class AddingExperimentTests
{
    // 4,000 sequences, batches of 50, 8 epochs: 640 steps, a second or two. The run shows 0.0011 after the last (0.0045 after
    // the fifth), against the baseline's 0.17.
    private static readonly AddingSettings s_short = new() { TrainingSamples = 4_000, ValidationSamples = 500, Epochs = 8 };

    private static readonly Lazy<AddingRun> s_lstm = new(() => Train(SequenceCell.Lstm, 10, s_short));

    [Fact]
    public void A_short_lstm_run_at_ten_steps_beats_the_baseline()
    {
        var run = s_lstm.Value;

        Assert.True(run.BeatsBaseline, AddingTable.Describe(run));
        Assert.True(run.FinalMse < AddingProblem.SecondValueOnlyMse / 10, AddingTable.Describe(run));
    }

    [Fact]
    public void The_final_mse_from_the_predictions_is_twice_the_last_validation_loss()
    {
        // The squared-error loss is ½ Σ (y − t)²: a mistaken factor shows as 2× or ½×.
        var run = s_lstm.Value;

        Assert.Equal(s_short.Epochs, run.ValidationMse.Count);
        Assert.Equal(run.ValidationMse[^1], run.FinalMse, run.FinalMse * 1e-3);
    }

    [Fact]
    public void The_baseline_is_measured_on_the_validation_sequences()
    {
        var run = s_lstm.Value;

        Assert.Equal(AddingProblem.BaselineMse, run.BaselineMse, 0.03);
        Assert.True(run.ValidationMse.All(double.IsFinite));
    }

    [Fact]
    public void The_elman_network_stays_near_the_baseline_at_thirty_steps_where_the_lstm_learns()
    {
        // The sample's own settings (2,000 steps), at T = 30 only: the run shows 0.164 for the Elman network, 0.0002 for the LSTM.
        var settings = new AddingSettings { Lengths = [30], Cells = [SequenceCell.Rnn] };
        var elman = AddingExperiment.Run(settings).Single();

        Assert.False(elman.BeatsBaseline, AddingTable.Describe(elman));
        Assert.True(elman.FinalMse > 0.5 * elman.BaselineMse, AddingTable.Describe(elman));
    }

    [Fact]
    public void Every_declared_network_reads_its_length_and_predicts_one_value()
    {
        foreach (var length in AddingNetworks.Lengths)
        {
            foreach (var cell in SequenceCells.All)
            {
                var network = AddingNetworks.Create(cell, length);
                Assert.Equal(length * AddingProblem.Features, network.InputSize);
                Assert.Equal(1, network.OutputSize);
                var recurrent = Assert.IsType<RecurrentLayerInfo>(network.Layers.Single(layer => layer.Name == "Recurrent"));
                Assert.Equal(AddingProblem.Units, recurrent.Units);
                Assert.Equal(cell.LayerName(), recurrent.Kind.ToString());
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => AddingNetworks.Create(SequenceCell.Lstm, 20));
    }

    private static AddingRun Train(SequenceCell cell, int length, AddingSettings settings)
    {
        var (training, validation) = AddingExperiment.CreateData(length, settings);
        return AddingExperiment.Train(cell, length, training, validation, settings);
    }
}

using System;
using System.Linq;
using NetGen.Data;
using NetGen.Samples.Sequences;

namespace NetGen.Samples.Tests.Sequences;

/// <summary>The row-by-row MNIST reader: PyTorch's LSTM shapes, images as 28 steps of a row, and a short run that learns.</summary>
public sealed class RowMnistTests
{
    [Fact]
    public void The_lstm_reader_has_pytorchs_lstm_tensors_and_a_dense_layer_on_its_last_state()
    {
        INetwork network = new RowMnistLstm();

        Assert.Equal(784, RowMnistLstm.InputSize);
        Assert.Equal(10, RowMnistLstm.OutputSize);
        var recurrent = Assert.IsType<RecurrentLayerInfo>(network.Layers.Single(layer => layer.Name == "Recurrent"));
        Assert.Equal(LayerKind.Lstm, recurrent.Kind);
        Assert.Equal([28, 28], recurrent.InputShape);
        Assert.Equal([128], recurrent.OutputShape);
        Assert.False(recurrent.ReturnSequences);
        Assert.Equal([4 * 128, 28], recurrent.InputWeight.Shape);
        Assert.Equal([4 * 128, 128], recurrent.RecurrentWeight.Shape);
        Assert.Equal([4 * 128], recurrent.InputBias!.Shape);
        Assert.Equal([4 * 128], recurrent.RecurrentBias!.Shape);

        // nn.LSTM(28, 128) has 80,896 parameters, nn.Linear(128, 10) 1,290.
        Assert.Equal(80_896 + 1_290, network.ParameterCount);
    }

    [Theory]
    [InlineData(SequenceCell.Rnn, LayerKind.SimpleRnn, 1)]
    [InlineData(SequenceCell.Lstm, LayerKind.Lstm, 4)]
    [InlineData(SequenceCell.Gru, LayerKind.Gru, 3)]
    public void Each_cell_reads_28_steps_of_28_pixels_into_128_units(SequenceCell cell, LayerKind kind, int gates)
    {
        var network = RowMnist.Create(cell);

        var recurrent = Assert.IsType<RecurrentLayerInfo>(network.Layers.Single(layer => layer.Kind == kind));
        Assert.Equal([RowMnist.Steps, RowMnist.Features], recurrent.InputShape);
        Assert.Equal((gates * 128 * (28 + 128 + 2)) + 1_290, network.ParameterCount);
        Assert.Contains(kind.ToString(), RowMnist.Summary(cell), StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_becomes_a_sequence_of_its_rows_from_the_top()
    {
        var pixels = Enumerable.Range(0, 2 * MnistSet.ImageSize).Select(i => (i % 251) / 251f).ToArray();

        var sequences = RowMnist.Sequences(pixels, [3, 7]);

        Assert.Equal(2, sequences.Count);
        Assert.Equal(RowMnist.Steps * RowMnist.Features, sequences.InputSize);
        for (var row = 0; row < MnistSet.Rows; row++)
        {
            var step = sequences.Inputs.Slice(row * RowMnist.Features, RowMnist.Features).ToArray();
            Assert.Equal(pixels.AsSpan(row * MnistSet.Columns, MnistSet.Columns).ToArray(), step);
        }

        Assert.Equal(3, sequences.TargetRows(0, 1).IndexOf(1f));
        Assert.Equal(7, sequences.TargetRows(1, 1).IndexOf(1f));
    }

    [Fact]
    public void A_short_run_on_real_digits_learns_well_beyond_chance()
    {
        var directory = Mnist.DefaultDirectory;
        if (!Mnist.IsAvailable(directory))
        {
            throw new InvalidOperationException($"MNIST is not in {directory}: run scripts/fetch-mnist.sh or set {Mnist.DirectoryVariable}.");
        }

        // 4,000 images for 2 epochs, a few seconds; the run shows about 67 % on the test images (chance: 10 %).
        var settings = new RowMnistSettings(Epochs: 2, TrainingLimit: 4_000);
        var training = RowMnist.Sequences(Mnist.Load(directory, MnistSplit.Training), settings.TrainingLimit);
        var test = RowMnist.Sequences(Mnist.Load(directory, MnistSplit.Test), 1_000);

        var (_, history) = RowMnist.Train(settings, training, test);

        Assert.Equal(2, history.Epochs.Count);
        Assert.True(history.Epochs[1].Loss < history.Epochs[0].Loss, $"loss {history.Epochs[0].Loss} then {history.Epochs[1].Loss}");
        Assert.True(history.Last!.ValidationAccuracy > 0.5, $"test accuracy {history.Last.ValidationAccuracy:P1}");
    }
}

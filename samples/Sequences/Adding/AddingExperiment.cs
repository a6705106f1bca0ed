using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NetGen.Optimizers;

namespace NetGen.Samples.Sequences;

/// <summary>
/// What the adding-problem comparison trains: the sequence lengths and cells, how many training and validation sequences,
/// the batch, the epochs, Adam's rate and the seed. Every cell at every length takes the same steps on the same data.
/// </summary>
public sealed record AddingSettings
{
    /// <summary>The sequence lengths: some of <see cref="AddingNetworks.Lengths"/>.</summary>
    public IReadOnlyList<int> Lengths { get; init; } = AddingNetworks.Lengths;

    /// <summary>The cells compared, in the table's order.</summary>
    public IReadOnlyList<SequenceCell> Cells { get; init; } = SequenceCells.All;

    public int TrainingSamples { get; init; } = 10_000;

    public int ValidationSamples { get; init; } = 1_000;

    public int BatchSize { get; init; } = 50;

    public int Epochs { get; init; } = 10;

    public float LearningRate { get; init; } = 0.01f;

    /// <summary>Seeds the networks, the shuffling and the training data; the validation data comes from the next seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Training steps per run: batches per epoch times epochs.</summary>
    public int Steps => ((TrainingSamples + BatchSize - 1) / BatchSize) * Epochs;
}

/// <summary>
/// One cell trained at one sequence length: its validation MSE after every epoch (from the validation loss), the final one
/// computed again from the trained network's predictions, and the MSE of always predicting 1.0 on the same data.
/// </summary>
public sealed record AddingRun(SequenceCell Cell, int Length, IReadOnlyList<double> ValidationMse, double FinalMse, double BaselineMse, TimeSpan Elapsed)
{
    /// <summary>A run beats the baseline when its final MSE is below a tenth of the baseline's: it has learned to add, not just to guess the mean.</summary>
    public const double BeatingFraction = 0.1;

    public bool BeatsBaseline => FinalMse < BeatingFraction * BaselineMse;
}

/// <summary>
/// Trains each cell at each length on the adding problem and scores it on held-out sequences: the Elman network's gradient
/// through T steps is a product of T Jacobians and fades with the distance to the first marker; the LSTM's and the GRU's
/// additive state paths carry it.
/// </summary>
public static class AddingExperiment
{
    /// <summary>Every cell at every length of <paramref name="settings"/>, length by length; <paramref name="completed"/> hears of each run as it ends.</summary>
    public static IReadOnlyList<AddingRun> Run(AddingSettings settings, Action<AddingRun>? completed = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var runs = new List<AddingRun>();
        foreach (var length in settings.Lengths)
        {
            var (training, validation) = CreateData(length, settings);
            foreach (var cell in settings.Cells)
            {
                var run = Train(cell, length, training, validation, settings);
                runs.Add(run);
                completed?.Invoke(run);
            }
        }

        return runs;
    }

    /// <summary>The training sequences of <paramref name="length"/> steps from the settings' seed, the validation sequences from the next.</summary>
    public static (Dataset Training, Dataset Validation) CreateData(int length, AddingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (trainingInputs, trainingTargets) = AddingProblem.Generate(settings.TrainingSamples, length, settings.Seed);
        var (validationInputs, validationTargets) = AddingProblem.Generate(settings.ValidationSamples, length, settings.Seed + 1);
        return (
            new Dataset(trainingInputs, trainingTargets, length * AddingProblem.Features, 1),
            new Dataset(validationInputs, validationTargets, length * AddingProblem.Features, 1));
    }

    /// <summary>One cell at one length, from the settings' seed.</summary>
    public static AddingRun Train(SequenceCell cell, int length, Dataset training, Dataset validation, AddingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(settings);
        var network = AddingNetworks.Create(cell, length);
        network.Initialize(settings.Seed);
        var clock = Stopwatch.StartNew();
        var history = Trainer.Fit(network, training, new TrainingOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Optimizer = new Adam(settings.LearningRate),
            Seed = settings.Seed,
            Validation = validation,
        });
        clock.Stop();

        // The squared-error loss is ½ Σ (y − t)² per sample (the lecture notes' convention), so with one output the
        // validation loss is half the mean squared error.
        var mse = history.Epochs.Select(epoch => 2 * epoch.ValidationLoss).ToArray();
        var ones = new float[validation.Count];
        Array.Fill(ones, 1f);
        return new AddingRun(cell, length, mse, MeanSquaredError(network, validation), AddingProblem.MeanSquaredError(ones, validation.Targets), clock.Elapsed);
    }

    /// <summary>The mean squared error of <paramref name="network"/>'s predictions on <paramref name="data"/>.</summary>
    public static double MeanSquaredError(INetwork network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        var predictions = new float[data.Count];
        network.Forward(data.Inputs, predictions);
        return AddingProblem.MeanSquaredError(predictions, data.Targets);
    }
}

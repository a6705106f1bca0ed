using System;
using System.Diagnostics;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>The training loop: mini-batches, optimizer steps, metrics, validation and progress.</summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="network"/> on <paramref name="training"/> and returns the per-epoch history.</summary>
    public static TrainingHistory Fit(INetwork network, Dataset training, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(training);
        options ??= new TrainingOptions();
        CheckFits(network, training, "training");
        if (options.Validation is { } validation)
        {
            CheckFits(network, validation, "validation");
        }

        NetworkGuard.Positive(network.Name, nameof(options.Epochs), options.Epochs);
        NetworkGuard.Positive(network.Name, nameof(options.BatchSize), options.BatchSize);

        var optimizer = options.Optimizer ?? new Adam();
        var device = DeviceSelection.Resolve(options.Device);
        if (device.IsCuda)
        {
            return CudaTrainer.Fit(network, training, options, optimizer, device.Cuda!);
        }

        var loader = new BatchLoader(training, options.BatchSize, options.Shuffle, options.Seed);
        var history = new TrainingHistory();
        var clock = Stopwatch.StartNew();
        long samplesSeen = 0;

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var epochStart = clock.Elapsed;
            loader.StartEpoch(epoch);
            double lossSum = 0;
            long correct = 0, samples = 0;
            var batch = 0;
            while (loader.TryNext(out var inputs, out var targets, out var count))
            {
                if (options.Cancellation.IsCancellationRequested)
                {
                    return history;
                }

                var loss = network.ComputeGradients(inputs, targets);
                optimizer.Step(network.Parameters, network.Gradients);
                lossSum += network.Reduction == LossReduction.Mean ? (double)loss * count : loss;
                correct += Metrics.CountCorrect(network.Accuracy, network.LastOutputs, targets, network.OutputSize);
                samples += count;
                samplesSeen += count;
                batch++;
                options.Progress?.Invoke(new TrainingProgress(
                    epoch, options.Epochs, batch, loader.BatchCount, samplesSeen,
                    lossSum / samples, AccuracyOrNaN(network, correct, samples), clock.Elapsed));
            }

            var elapsed = clock.Elapsed - epochStart;
            var validationResult = options.Validation is null ? (Evaluation?)null : Evaluate(network, options.Validation);
            var result = new EpochResult(
                epoch,
                lossSum / samples,
                AccuracyOrNaN(network, correct, samples),
                validationResult?.Loss ?? double.NaN,
                validationResult?.Accuracy ?? double.NaN,
                elapsed,
                samples / Math.Max(elapsed.TotalSeconds, 1e-9));
            history.Add(result);
            options.EpochCompleted?.Invoke(result);
        }

        return history;
    }

    /// <summary>The mean per-sample loss and the accuracy of <paramref name="network"/> on <paramref name="data"/>, in batches of <paramref name="batchSize"/>.</summary>
    public static Evaluation Evaluate(INetwork network, Dataset data, int batchSize = 256) => Evaluate(network, data, batchSize, ComputeDevice.Cpu);

    /// <summary>As <see cref="Evaluate(INetwork, Dataset, int)"/>, on <paramref name="device"/>.</summary>
    /// <exception cref="CudaUnavailableException">CUDA was requested explicitly and cannot run here.</exception>
    public static Evaluation Evaluate(INetwork network, Dataset data, int batchSize, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        CheckFits(network, data, "evaluation");
        NetworkGuard.Positive(network.Name, nameof(batchSize), batchSize);
        var selection = DeviceSelection.Resolve(device);
        if (selection.IsCuda)
        {
            return CudaTrainer.Evaluate(network, data, batchSize, selection.Cuda!);
        }

        double lossSum = 0;
        long correct = 0;
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, data.Count - start);
            var targets = data.TargetRows(start, count);
            var loss = network.ComputeLoss(data.InputRows(start, count), targets);
            lossSum += network.Reduction == LossReduction.Mean ? (double)loss * count : loss;
            correct += Metrics.CountCorrect(network.Accuracy, network.LastOutputs, targets, network.OutputSize);
        }

        return new Evaluation(lossSum / data.Count, AccuracyOrNaN(network, correct, data.Count), data.Count);
    }

    internal static double AccuracyOrNaN(INetwork network, long correct, long samples) =>
        network.Accuracy == AccuracyKind.None ? double.NaN : (double)correct / samples;

    private static void CheckFits(INetwork network, Dataset data, string role)
    {
        if (data.InputSize != network.InputSize || data.TargetSize != network.OutputSize)
        {
            throw new ArgumentException(
                $"{network.Name}: the {role} data has {data.InputSize}-float inputs and {data.TargetSize}-float targets, " +
                $"but the network takes {network.InputSize} inputs and produces {network.OutputSize} outputs.");
        }
    }
}

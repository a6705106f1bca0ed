using System;
using System.Collections.Generic;
using NetGen.Internal;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>Training and scoring on the CPU or a CUDA device: mini-batches, optimizer steps, metrics, validation, progress and callbacks.</summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="network"/> on <paramref name="training"/> and returns the per-epoch history.</summary>
    /// <exception cref="ArgumentException">
    /// The data does not fit the network, an option is out of range, both <see cref="TrainingOptions.Validation"/> and
    /// <see cref="TrainingOptions.ValidationSplit"/> are given, the split leaves no sample to train on, or
    /// <see cref="TrainingOptions.Augmentation"/> rotates or shifts a network whose input is not an image.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// A callback monitors a metric the call cannot produce: a validation figure without validation data, an accuracy of
    /// a network without one.
    /// </exception>
    /// <exception cref="NonFiniteTrainingException">
    /// A step's loss or gradient was NaN or ±∞ and <see cref="TrainingOptions.NonFiniteBatches"/> is
    /// <see cref="NonFiniteBatchPolicy.Stop"/>; the step was left out (the network and the optimizer are as before it).
    /// </exception>
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
        CheckValidationSplit(network, options);
        if (!Enum.IsDefined(options.NonFiniteBatches))
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingOptions.NonFiniteBatches), options.NonFiniteBatches, $"{network.Name}: not a {nameof(NonFiniteBatchPolicy)}.");
        }

        CheckCallbacks(options.Callbacks);
        if (options.KeepDatasetOnDevice && options.Augmentation is not null)
        {
            throw new ArgumentException(
                $"{network.Name}: {nameof(TrainingOptions.KeepDatasetOnDevice)} gathers batches on the device, but {nameof(TrainingOptions.Augmentation)} changes each batch's inputs on the host as it is gathered; use one or the other.",
                nameof(options));
        }


        var data = TrainingData.Prepare(network, training, options);
        CheckMonitoredMetrics(network, options.Callbacks, validates: data.Validation is not null);
        var optimizer = options.Optimizer ?? new Adam();
        var device = DeviceSelection.Resolve(options.Device);
        using ITrainingBackend backend = device.IsCuda
            ? CudaTrainingBackend.ForTraining(network, device.Cuda!, options.BatchSize, data, options.KeepDatasetOnDevice)
            : new CpuTrainingBackend(network);
        return TrainingLoop.Run(network, backend, data, options, optimizer);
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
        using ITrainingBackend backend = selection.IsCuda
            ? CudaTrainingBackend.ForEvaluation(network, selection.Cuda!, data, batchSize)
            : new CpuTrainingBackend(network);
        return EvaluationLoop.Run(network, backend, data, batchSize);
    }

    internal static double AccuracyOrNaN(INetwork network, long correct, long samples) =>
        network.Accuracy == AccuracyKind.None ? double.NaN : (double)correct / samples;

    private static void CheckCallbacks(IReadOnlyList<TrainingCallback>? callbacks)
    {
        ArgumentNullException.ThrowIfNull(callbacks, nameof(TrainingOptions.Callbacks));
        for (var index = 0; index < callbacks.Count; index++)
        {
            if (callbacks[index] is null)
            {
                throw new ArgumentException($"{nameof(TrainingOptions.Callbacks)}[{index}] is null.", nameof(TrainingOptions.Callbacks));
            }
        }
    }

    private static void CheckValidationSplit(INetwork network, TrainingOptions options)
    {
        var split = options.ValidationSplit;
        if (!(split >= 0 && split < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(TrainingOptions.ValidationSplit), split,
                $"{network.Name}: {nameof(TrainingOptions.ValidationSplit)} is the fraction of the training samples held out for validation; it must be in [0, 1).");
        }

        if (split > 0 && options.Validation is not null)
        {
            throw new ArgumentException(
                $"{network.Name}: both {nameof(TrainingOptions.Validation)} and a {nameof(TrainingOptions.ValidationSplit)} of {split} were given; " +
                "give validation data one way only.",
                nameof(TrainingOptions.ValidationSplit));
        }
    }

    // Before the device is opened, so that a metric that cannot be computed fails fast.
    private static void CheckMonitoredMetrics(INetwork network, IReadOnlyList<TrainingCallback> callbacks, bool validates)
    {
        for (var index = 0; index < callbacks.Count; index++)
        {
            if (callbacks[index] is IMetricMonitor monitor)
            {
                monitor.Monitor.RequireAvailable(callbacks[index].GetType().Name, network, validates);
            }
        }
    }

    private static void CheckFits(INetwork network, Dataset data, string role)
    {
        if (data.InputSize != network.InputSize || data.TargetSize != network.OutputSize)
        {
            throw new ArgumentException(
                $"{network.Name}: the {role} data has {data.InputSize}-float inputs and {data.TargetSize}-float targets, " +
                $"but the network takes {Plural.Of(network.InputSize, "input")} and produces {Plural.Of(network.OutputSize, "output")}.");
        }
    }
}

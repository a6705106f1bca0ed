using System;
using System.Diagnostics;
using NetGen.Cuda;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// <see cref="Trainer"/>'s loop on a CUDA device: the same batches in the same order, the same figures, with each next
/// batch staged while the current one computes. The trained parameters are copied back into the network at the end
/// (also when training is cancelled), so the network can be saved, evaluated or trained further on the CPU.
/// </summary>
internal static class CudaTrainer
{
    public static TrainingHistory Fit(INetwork network, Dataset training, TrainingOptions options, Optimizer optimizer, CudaDeviceInfo device)
    {
        var capacity = options.Validation is null ? options.BatchSize : Math.Max(options.BatchSize, EvaluationBatch);
        using var session = CudaSession.Open(network, device, capacity);
        var loader = new BatchLoader(training, options.BatchSize, options.Shuffle, options.Seed);
        var history = new TrainingHistory();
        var clock = Stopwatch.StartNew();
        long samplesSeen = 0;
        try
        {
            for (var epoch = 1; epoch <= options.Epochs; epoch++)
            {
                var epochStart = clock.Elapsed;
                loader.StartEpoch(epoch);
                double lossSum = 0;
                long correct = 0, samples = 0;
                var batch = 0;
                if (!loader.TryNext(out var inputs, out var targets, out var count))
                {
                    continue;
                }

                session.Stage(inputs, targets);
                while (true)
                {
                    if (options.Cancellation.IsCancellationRequested)
                    {
                        return history;
                    }

                    session.LaunchTrainingStep(optimizer);
                    var launchedCount = count;
                    var hasNext = loader.TryNext(out inputs, out targets, out count);
                    if (hasNext)
                    {
                        session.Stage(inputs, targets); // overlaps the step just launched
                    }

                    var loss = session.Finish();
                    lossSum += network.Reduction == LossReduction.Mean ? (double)loss * launchedCount : loss;
                    correct += Metrics.CountCorrect(network.Accuracy, session.LastOutputs, session.LastTargets, network.OutputSize);
                    samples += launchedCount;
                    samplesSeen += launchedCount;
                    batch++;
                    options.Progress?.Invoke(new TrainingProgress(
                        epoch, options.Epochs, batch, loader.BatchCount, samplesSeen, lossSum / samples, Trainer.AccuracyOrNaN(network, correct, samples), clock.Elapsed));
                    if (!hasNext)
                    {
                        break;
                    }
                }

                var elapsed = clock.Elapsed - epochStart;
                var validation = options.Validation is null ? (Evaluation?)null : Evaluate(network, session, options.Validation, EvaluationBatch);
                var result = new EpochResult(
                    epoch, lossSum / samples, Trainer.AccuracyOrNaN(network, correct, samples),
                    validation?.Loss ?? double.NaN, validation?.Accuracy ?? double.NaN, elapsed, samples / Math.Max(elapsed.TotalSeconds, 1e-9));
                history.Add(result);
                options.EpochCompleted?.Invoke(result);
            }

            return history;
        }
        finally
        {
            session.DownloadParameters();
        }
    }

    /// <summary>Evaluates on the device with the network's current parameters.</summary>
    public static Evaluation Evaluate(INetwork network, Dataset data, int batchSize, CudaDeviceInfo device)
    {
        using var session = CudaSession.Open(network, device, Math.Min(batchSize, data.Count));
        return Evaluate(network, session, data, batchSize);
    }

    private const int EvaluationBatch = 256;

    private static Evaluation Evaluate(INetwork network, CudaSession session, Dataset data, int batchSize)
    {
        batchSize = Math.Min(batchSize, session.BatchCapacity);
        double lossSum = 0;
        long correct = 0;
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, data.Count - start);
            var targets = data.TargetRows(start, count);
            session.Stage(data.InputRows(start, count), targets);
            session.LaunchEvaluation();
            var loss = session.Finish();
            lossSum += network.Reduction == LossReduction.Mean ? (double)loss * count : loss;
            correct += Metrics.CountCorrect(network.Accuracy, session.LastOutputs, targets, network.OutputSize);
        }

        return new Evaluation(lossSum / data.Count, Trainer.AccuracyOrNaN(network, correct, data.Count), data.Count);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// The epoch loop of <see cref="Trainer.Fit"/> on any back end: mini-batches from a <see cref="BatchLoader"/>, loss
/// and accuracy accounting, progress, cancellation between steps, validation after each epoch, callbacks, and what
/// <see cref="TrainingOptions.NonFiniteBatches"/> says for a step the back end left out for a NaN or ±∞. Results are
/// accounted as the back end returns them, which may be one step late (CUDA): progress then follows one step behind the
/// launches, and <see cref="ITrainingBackend.FinishSteps"/> after each epoch's steps brings the last result in, so the
/// epoch's totals are those of every step.
/// </summary>
internal static class TrainingLoop
{
    /// <summary>The batch size validation data is scored in.</summary>
    public const int ValidationBatchSize = 256;

    public static TrainingHistory Run(INetwork network, ITrainingBackend backend, TrainingData data, TrainingOptions options, Optimizer optimizer)
    {
        var loader = data.CreateLoader(options);
        var history = new TrainingHistory();
        var callbacks = options.Callbacks;
        var context = new TrainingContext(network, optimizer, options.Epochs, history, backend, hasValidation: data.Validation is not null);
        var clock = Stopwatch.StartNew();
        long samplesSeen = 0;
        long globalStep = 0;
        for (var index = 0; index < callbacks.Count; index++)
        {
            callbacks[index].OnTrainingStart(context);
        }

        for (var epoch = 1; epoch <= options.Epochs && !context.StopRequested; epoch++)
        {
            context.Epoch = epoch;
            NotifyEpochStart(callbacks, context);
            var learningRate = optimizer.LearningRate;
            var epochStart = clock.Elapsed;
            loader.StartEpoch(epoch);
            double lossSum = 0;
            long correct = 0, samples = 0, samplesTaken = 0;
            var skippedBatches = 0;
            var batch = 0; // results accounted: a back end may return a step's result during the next one
            for (var launched = 1; launched <= loader.BatchCount && !options.Cancellation.IsCancellationRequested; launched++)
            {
                var step = backend.TrainStep(loader, optimizer);
                if (step.IsResult)
                {
                    Account(step);
                }
            }

            var last = backend.FinishSteps();
            if (last.IsResult)
            {
                Account(last);
            }

            if (samplesTaken < loader.SampleCount)
            {
                break; // cancelled: the unfinished epoch is not recorded
            }

            // A step's result, in step order; progress follows the results.
            void Account(BatchResult step)
            {
                batch++;
                globalStep++;
                samplesTaken += step.Count;
                samplesSeen += step.Count;
                if (step.IsFinite)
                {
                    lossSum += step.SummedLoss(network.Reduction);
                    correct += step.Correct;
                    samples += step.Count;
                }
                else if (options.NonFiniteBatches == NonFiniteBatchPolicy.Skip)
                {
                    skippedBatches++;
                }
                else
                {
                    throw NonFiniteTrainingException.For(network, step, epoch, batch, loader.BatchCount, globalStep, history);
                }

                options.Progress?.Invoke(new TrainingProgress(
                    epoch, options.Epochs, batch, loader.BatchCount, samplesSeen,
                    lossSum / samples, Trainer.AccuracyOrNaN(network, correct, samples), clock.Elapsed));
            }

            var elapsed = clock.Elapsed - epochStart;
            var validation = data.Validation is null
                ? (Evaluation?)null
                : EvaluationLoop.Run(network, backend, data.Validation, ValidationBatchSize);
            var result = new EpochResult(
                epoch,
                lossSum / samples,
                Trainer.AccuracyOrNaN(network, correct, samples),
                validation?.Loss ?? double.NaN,
                validation?.Accuracy ?? double.NaN,
                elapsed,
                samples / Math.Max(elapsed.TotalSeconds, 1e-9),
                learningRate)
            {
                SkippedBatches = skippedBatches,
            };
            history.Add(result);
            options.EpochCompleted?.Invoke(result);
            NotifyEpochEnd(callbacks, context, result);
        }

        for (var index = 0; index < callbacks.Count; index++)
        {
            callbacks[index].OnTrainingEnd(context);
        }

        return history;
    }

    // Indexed loops: an interface's enumerator would allocate.
    private static void NotifyEpochStart(IReadOnlyList<TrainingCallback> callbacks, TrainingContext context)
    {
        for (var index = 0; index < callbacks.Count; index++)
        {
            callbacks[index].OnEpochStart(context);
        }
    }

    private static void NotifyEpochEnd(IReadOnlyList<TrainingCallback> callbacks, TrainingContext context, EpochResult epoch)
    {
        for (var index = 0; index < callbacks.Count; index++)
        {
            callbacks[index].OnEpochEnd(context, epoch);
        }
    }
}

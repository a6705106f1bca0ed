using System;
using System.Diagnostics;
using NetGen.Cuda;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// Training steps and evaluation in a <see cref="CudaSession"/>: each next batch is staged while the current one
/// computes, and a step's result is read during the next step (the host waits only for the step before the one it just
/// launched, so the device always has a step queued). The parameters live on the device while training; disposing copies them back into the network (also
/// when training was cancelled or failed), so the network can be saved, evaluated or trained further on the CPU —
/// except after a fault on the device (<see cref="CudaSession.HasFaulted"/>), whose context can no longer be read: the
/// network then keeps the host parameters it had (those of the last download, or as training started), and the
/// exception of the fault is the one that propagates.
/// </summary>
internal sealed class CudaTrainingBackend : ITrainingBackend
{
    private readonly INetwork _network;
    private readonly CudaSession _session;
    private bool _batchStaged;
    private int _pendingSlot = -1; // the slot of the step launched last, whose result is owed
    private int _relaunchSlot = -1; // the slot of a step undone behind a left-out one, to launch again
    private Optimizer? _optimizer;
    private bool _trained;

    internal CudaTrainingBackend(INetwork network, CudaSession session)
    {
        _network = network;
        _session = session;
    }

    public int EvaluationBatchCapacity => _session.BatchCapacity;

    /// <summary>
    /// A session holding the largest training batch of <paramref name="batchSize"/> over <paramref name="trainingSamples"/>
    /// samples, and the largest validation batch too when there are <paramref name="validationSamples"/> to score.
    /// </summary>
    public static CudaTrainingBackend ForTraining(INetwork network, CudaDeviceInfo device, int batchSize, int trainingSamples, int? validationSamples) =>
        new(network, CudaSession.Open(network, device, SessionCapacity(batchSize, trainingSamples, validationSamples, network.CudaProgram.MaxBatchSize)));

    /// <summary>
    /// As <see cref="ForTraining(INetwork, CudaDeviceInfo, int, int, int?)"/> for <paramref name="data"/>; with
    /// <paramref name="keepDatasetOnDevice"/> its samples are copied to the device now and every training batch is gathered there.
    /// </summary>
    public static CudaTrainingBackend ForTraining(INetwork network, CudaDeviceInfo device, int batchSize, TrainingData data, bool keepDatasetOnDevice)
    {
        var backend = ForTraining(network, device, batchSize, data.TrainingRows?.Length ?? data.Samples.Count, data.Validation?.Count);
        if (keepDatasetOnDevice)
        {
            try
            {
                backend._session.KeepDatasetResident(data.Samples);
            }
            catch
            {
                backend.Dispose();
                throw;
            }
        }

        return backend;
    }

    /// <summary>
    /// The batch capacity a training session needs: the largest batch the loader gives, min(<paramref name="batchSize"/>,
    /// <paramref name="trainingSamples"/>) (as on the CPU, a batch size of <see cref="int.MaxValue"/> means the whole set),
    /// and, with validation, the largest validation batch, min(<see cref="TrainingLoop.ValidationBatchSize"/>,
    /// <paramref name="validationSamples"/>), if that is larger. At least 1. Validation batches shrink to fit
    /// <paramref name="maxBatchSize"/> (the program's <see cref="CudaProgram.MaxBatchSize"/>); a training batch beyond it is
    /// left for the session to refuse by name.
    /// </summary>
    public static int SessionCapacity(int batchSize, int trainingSamples, int? validationSamples, int maxBatchSize = int.MaxValue)
    {
        var capacity = Math.Min(batchSize, trainingSamples);
        if (validationSamples is { } validation)
        {
            capacity = Math.Max(capacity, Math.Min(Math.Min(TrainingLoop.ValidationBatchSize, validation), maxBatchSize));
        }

        return Math.Max(capacity, 1);
    }

    /// <summary>A session for scoring <paramref name="data"/> in batches of <paramref name="batchSize"/>, or of the program's largest batch if smaller.</summary>
    public static CudaTrainingBackend ForEvaluation(INetwork network, CudaDeviceInfo device, Dataset data, int batchSize) =>
        new(network, CudaSession.Open(network, device, Math.Min(Math.Min(batchSize, data.Count), network.CudaProgram.MaxBatchSize)));

    /// <summary>
    /// Launches a step on the staged batch and returns the result of the step before it (<see cref="BatchResult.None"/> for
    /// an epoch's first), waiting only for that one: the step just launched stays queued behind it, so the device has the
    /// next step while the host accounts the last. Then stages the next batch. A step left out for a NaN or ±∞ left the step
    /// queued behind it out too (the device's flag is sticky); both are undone here, and the queued one is launched again
    /// by the next <see cref="TrainStep"/> or <see cref="FinishSteps"/> — not at all if the loop stops on the left-out step.
    /// </summary>
    public BatchResult TrainStep(BatchLoader loader, Optimizer optimizer)
    {
        if (!_batchStaged && !TryStageNext(loader))
        {
            throw new InvalidOperationException("The epoch has no batch left to train on.");
        }

        _optimizer = optimizer;
        _trained = true;
        RelaunchUndoneStep();
        var previous = _pendingSlot;
        _session.LaunchTrainingStep(optimizer);
        _pendingSlot = _session.LaunchedSlot;
        var result = previous < 0 ? BatchResult.None : Complete(previous, queued: true);

        // Into the slot of the step just completed, whose targets were read: overlaps the step just launched.
        _batchStaged = TryStageNext(loader);
        return result;
    }

    /// <summary>Launches the step undone behind a left-out one, if any, and completes the last step launched.</summary>
    public BatchResult FinishSteps()
    {
        RelaunchUndoneStep();
        if (_pendingSlot < 0)
        {
            return BatchResult.None;
        }

        var slot = _pendingSlot;
        _pendingSlot = -1;
        return Complete(slot, queued: false);
    }

    public BatchResult EvaluateBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        Debug.Assert(!_batchStaged, "Evaluating between an epoch's steps would take the staged training batch's slot.");
        Debug.Assert(_pendingSlot < 0 && _relaunchSlot < 0, "Evaluating before FinishSteps would leave a step's result unread.");
        _session.Stage(inputs, targets);
        _session.LaunchEvaluation();
        var loss = _session.Finish();
        var correct = Metrics.CountCorrect(_network.Accuracy, _session.LastOutputs, targets, _network.OutputSize);
        return new BatchResult(loss, targets.Length / _network.OutputSize, correct);
    }

    public void CopyParametersAndStateTo(Span<float> parameters, Span<float> state)
    {
        Debug.Assert(_pendingSlot < 0 && _relaunchSlot < 0, "Reading the parameters before FinishSteps would read a step not yet accounted.");
        _session.CopyParametersAndStateTo(parameters, state);
    }

    public void SetParametersAndState(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        Debug.Assert(!_batchStaged, "Setting parameters between an epoch's steps would race the staged step.");
        Debug.Assert(_pendingSlot < 0 && _relaunchSlot < 0, "Setting parameters before FinishSteps would race the last step.");
        _session.UploadParametersAndState(parameters, state);
        _trained = true; // the device now differs from the network's host copy, which disposing must update
    }

    public void Dispose()
    {
        try
        {
            // Without a training step the device holds the parameters as they were uploaded. After a fault the context
            // fails every call with the fault's error, which would hide the exception already on its way.
            if (_trained && !_session.HasFaulted)
            {
                // A step launched but not completed (the loop threw after it) is completed, so that one left out is undone;
                // a step undone behind a left-out one is not launched again.
                if (_pendingSlot >= 0)
                {
                    var slot = _pendingSlot;
                    _pendingSlot = -1;
                    Complete(slot, queued: false);
                }

                _session.DownloadParameters();
            }
        }
        finally
        {
            _session.Dispose();
        }
    }

    /// <summary>
    /// Waits for the step launched from <paramref name="slot"/> (not for one launched after it) and reads its result. When it
    /// was left out, undoes it — and the step <paramref name="queued"/> behind it, which the sticky flag left out too, and
    /// which is then to be launched again.
    /// </summary>
    private BatchResult Complete(int slot, bool queued)
    {
        _session.WaitForStep(slot);
        var correct = Metrics.CountCorrect(_network.Accuracy, _session.StepOutputs(slot), _session.StepTargets(slot), _network.OutputSize);
        var result = new BatchResult(_session.StepLoss(slot), _session.StepCount(slot), correct);
        var firstNonFinite = _session.StepFirstNonFinite(slot);
        if (firstNonFinite == CudaNonFinite.AllFinite)
        {
            return result;
        }

        // The update kernels left the parameters and optimizer state alone; the layer state and the counts are put back here.
        var queuedSlot = queued ? _pendingSlot : -1;
        _session.UndoTrainingSteps(slot, queuedSlot < 0 ? 1 : 2, _optimizer!);
        if (queuedSlot >= 0)
        {
            _relaunchSlot = queuedSlot;
            _pendingSlot = -1;
        }

        return firstNonFinite == CudaNonFinite.Loss
            ? result
            : result with { FirstNonFiniteGradient = firstNonFinite, FirstNonFiniteGradientValue = _session.StepNonFiniteGradient(slot) };
    }

    /// <summary>Launches again the step undone behind a left-out one, from its slot, which still holds its batch.</summary>
    private void RelaunchUndoneStep()
    {
        if (_relaunchSlot < 0)
        {
            return;
        }

        _session.RelaunchTrainingStep(_relaunchSlot, _optimizer!);
        _pendingSlot = _relaunchSlot;
        _relaunchSlot = -1;
    }

    private bool TryStageNext(BatchLoader loader)
    {
        if (_session.HasResidentDataset)
        {
            if (!loader.TryNextRows(out var rows, out var rowTargets))
            {
                return false;
            }

            _session.StageRows(rows, rowTargets);
            return true;
        }

        if (!loader.TryNext(out var inputs, out var targets, out _))
        {
            return false;
        }

        _session.Stage(inputs, targets);
        return true;
    }
}

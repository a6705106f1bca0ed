using System;
using System.Diagnostics;
using NetGen.Cuda;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// Training steps and evaluation in a <see cref="CudaSession"/>: each next batch is staged while the current one
/// computes. The parameters live on the device while training; disposing copies them back into the network (also
/// when training was cancelled or failed), so the network can be saved, evaluated or trained further on the CPU —
/// except after a fault on the device (<see cref="CudaSession.HasFaulted"/>), whose context can no longer be read: the
/// network then keeps the host parameters it had (those of the last download, or as training started), and the
/// exception of the fault is the one that propagates.
/// </summary>
internal sealed class CudaTrainingBackend : ITrainingBackend
{
    private readonly INetwork _network;
    private readonly CudaSession _session;
    private int _stagedCount;
    private bool _batchStaged;
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

    public BatchResult TrainStep(BatchLoader loader, Optimizer optimizer)
    {
        if (!_batchStaged && !TryStageNext(loader))
        {
            throw new InvalidOperationException("The epoch has no batch left to train on.");
        }

        var count = _stagedCount;
        _trained = true;
        _session.LaunchTrainingStep(optimizer);
        _batchStaged = TryStageNext(loader); // overlaps the step just launched
        var loss = _session.Finish();
        var correct = Metrics.CountCorrect(_network.Accuracy, _session.LastOutputs, _session.LastTargets, _network.OutputSize);
        var result = new BatchResult(loss, count, correct);
        var firstNonFinite = _session.LastFirstNonFinite;
        if (firstNonFinite == CudaNonFinite.AllFinite)
        {
            return result;
        }

        // The update kernels left the parameters and optimizer state alone; the layer state and the counts are put back here.
        _session.UndoTrainingStep(optimizer);
        return firstNonFinite == CudaNonFinite.Loss
            ? result
            : result with { FirstNonFiniteGradient = firstNonFinite, FirstNonFiniteGradientValue = _session.ReadGradient(firstNonFinite) };
    }

    public BatchResult EvaluateBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        Debug.Assert(!_batchStaged, "Evaluating between an epoch's steps would take the staged training batch's slot.");
        _session.Stage(inputs, targets);
        _session.LaunchEvaluation();
        var loss = _session.Finish();
        var correct = Metrics.CountCorrect(_network.Accuracy, _session.LastOutputs, targets, _network.OutputSize);
        return new BatchResult(loss, targets.Length / _network.OutputSize, correct);
    }

    public void CopyParametersAndStateTo(Span<float> parameters, Span<float> state) => _session.CopyParametersAndStateTo(parameters, state);

    public void SetParametersAndState(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        Debug.Assert(!_batchStaged, "Setting parameters between an epoch's steps would race the staged step.");
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
                _session.DownloadParameters();
            }
        }
        finally
        {
            _session.Dispose();
        }
    }

    private bool TryStageNext(BatchLoader loader)
    {
        if (!loader.TryNext(out var inputs, out var targets, out var count))
        {
            return false;
        }

        _session.Stage(inputs, targets);
        _stagedCount = count;
        return true;
    }
}

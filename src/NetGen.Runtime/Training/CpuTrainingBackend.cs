using System;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>Training steps and evaluation on the CPU, through the network's generated code; the parameters stay in the network.</summary>
internal sealed class CpuTrainingBackend(INetwork network) : ITrainingBackend
{
    public int EvaluationBatchCapacity => int.MaxValue;

    public BatchResult TrainStep(BatchLoader loader, Optimizer optimizer)
    {
        if (!loader.TryNext(out var inputs, out var targets, out var count))
        {
            throw new InvalidOperationException("The epoch has no batch left to train on.");
        }

        var loss = network.ComputeGradients(inputs, targets);
        optimizer.Step(network.Parameters, network.Gradients);
        return new BatchResult(loss, count, CountCorrect(targets));
    }

    public BatchResult EvaluateBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        var loss = network.ComputeLoss(inputs, targets);
        return new BatchResult(loss, targets.Length / network.OutputSize, CountCorrect(targets));
    }

    public void CopyParametersAndStateTo(Span<float> parameters, Span<float> state)
    {
        network.Parameters.CopyTo(parameters);
        network.State.CopyTo(state);
    }

    public void SetParametersAndState(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        parameters.CopyTo(network.Parameters);
        state.CopyTo(network.State);
    }

    public void Dispose()
    {
    }

    private int CountCorrect(ReadOnlySpan<float> targets) =>
        Metrics.CountCorrect(network.Accuracy, network.LastOutputs, targets, network.OutputSize);
}

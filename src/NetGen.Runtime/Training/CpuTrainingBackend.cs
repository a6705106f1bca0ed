using System;
using NetGen.Internal;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>Training steps and evaluation on the CPU, through the network's generated code; the parameters stay in the network.</summary>
internal sealed class CpuTrainingBackend(INetwork network) : ITrainingBackend
{
    // The layer state before the step under way: the forward pass updates batch normalisation's running statistics
    // before the loss and gradients can be checked, so a step left out puts them back from here.
    private readonly float[] _stateBeforeStep = new float[network.State.Length];

    public int EvaluationBatchCapacity => int.MaxValue;

    /// <summary>
    /// As <see cref="ITrainingBackend.TrainStep"/>: when the loss or a gradient is NaN or ±∞ the optimizer does not step,
    /// and the layer state and <see cref="INetwork.TrainingSteps"/> are put back as they were.
    /// </summary>
    public BatchResult TrainStep(BatchLoader loader, Optimizer optimizer)
    {
        if (!loader.TryNext(out var inputs, out var targets, out var count))
        {
            throw new InvalidOperationException("The epoch has no batch left to train on.");
        }

        network.State.CopyTo(_stateBeforeStep);
        var stepsBefore = network.TrainingSteps;
        var loss = network.ComputeGradients(inputs, targets);
        var result = new BatchResult(loss, count, CountCorrect(targets));
        if (float.IsFinite(loss))
        {
            // ‖g‖² is finite exactly when every gradient is (as on CUDA); norm clipping takes it instead of a pass of its own.
            var sumOfSquares = GradientNorm.SumOfSquares(network.Gradients);
            if (double.IsFinite(sumOfSquares))
            {
                optimizer.StepGivenSumOfSquares(network.Parameters, network.Gradients, sumOfSquares);
                return result;
            }

            var firstNonFinite = NonFiniteValues.IndexOfFirst(network.Gradients);
            result = result with { FirstNonFiniteGradient = firstNonFinite, FirstNonFiniteGradientValue = network.Gradients[firstNonFinite] };
        }

        _stateBeforeStep.CopyTo(network.State);
        network.TrainingSteps = stepsBefore;
        return result;
    }

    /// <summary>Every step's result came back from its <see cref="TrainStep"/>.</summary>
    public BatchResult FinishSteps() => BatchResult.None;

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

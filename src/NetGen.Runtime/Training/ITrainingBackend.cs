using System;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// Where <see cref="TrainingLoop"/>'s steps and evaluations run: the CPU, or a CUDA session. Disposing ends the run; a
/// back end that kept the parameters elsewhere copies them back into the network then.
/// </summary>
internal interface ITrainingBackend : IDisposable
{
    /// <summary>The largest batch <see cref="EvaluateBatch"/> takes.</summary>
    int EvaluationBatchCapacity { get; }

    /// <summary>
    /// Takes <paramref name="loader"/>'s next batch (the epoch must have one left) and trains one step of
    /// <paramref name="optimizer"/> on it. A back end may gather the batch after that from the loader early. When the loss
    /// or a gradient is NaN or ±∞ (<see cref="BatchResult.IsFinite"/> is false) the step is left out: the parameters, the
    /// optimizer's state and step count, the layer state and the network's training-step count stay as they were.
    /// </summary>
    /// <returns>
    /// A step's result, in the order of the steps: this step's (the CPU), or the one before it (CUDA, so that the host does
    /// not wait for the step it just launched), or <see cref="BatchResult.None"/> when there is none yet.
    /// <see cref="FinishSteps"/> returns the one still owed.
    /// </returns>
    BatchResult TrainStep(BatchLoader loader, Optimizer optimizer);

    /// <summary>
    /// Completes the steps <see cref="TrainStep"/> launched and returns the result still owed (<see cref="BatchResult.None"/>
    /// when there is none). Called after each epoch's steps, also when cancelled, before anything else is asked of the back end.
    /// </summary>
    BatchResult FinishSteps();

    /// <summary>Scores one batch with the current parameters, without training.</summary>
    BatchResult EvaluateBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

    /// <summary>Copies the current parameters and layer state, wherever they live, into spans of the network's lengths.</summary>
    void CopyParametersAndStateTo(Span<float> parameters, Span<float> state);

    /// <summary>Makes the given parameters and layer state (the network's lengths) the current ones; between epochs only.</summary>
    void SetParametersAndState(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state);
}

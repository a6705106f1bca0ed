using System;
using NetGen.Internal;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>A <see cref="Trainer.Fit"/> call in progress, as <see cref="TrainingCallback"/>s see it.</summary>
public sealed class TrainingContext
{
    private readonly ITrainingBackend _backend;

    internal TrainingContext(INetwork network, Optimizer optimizer, int epochs, TrainingHistory history, ITrainingBackend backend, bool hasValidation)
    {
        Network = network;
        Optimizer = optimizer;
        Epochs = epochs;
        History = history;
        HasValidation = hasValidation;
        _backend = backend;
    }

    /// <summary>
    /// The network being trained. On CUDA its parameters and layer state are on the device until <see cref="Trainer.Fit"/>
    /// returns; until then <see cref="INetwork.Parameters"/> and <see cref="INetwork.State"/> hold the values from before
    /// the call. <see cref="CopyParametersAndStateTo"/> reads the current ones on any device.
    /// </summary>
    public INetwork Network { get; }

    /// <summary>The optimizer; a new <see cref="Optimizer.LearningRate"/> applies from the next step, on the CPU and on CUDA.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The epoch starting or just finished, from 1 (0 in <see cref="TrainingCallback.OnTrainingStart"/>).</summary>
    public int Epoch { get; internal set; }

    /// <summary>The epochs asked for (<see cref="TrainingOptions.Epochs"/>).</summary>
    public int Epochs { get; }

    /// <summary>Whether each epoch is validated: <see cref="TrainingOptions.Validation"/> or <see cref="TrainingOptions.ValidationSplit"/> was given.</summary>
    public bool HasValidation { get; }

    /// <summary>The epochs finished so far, the one just finished included in <see cref="TrainingCallback.OnEpochEnd"/>.</summary>
    public TrainingHistory History { get; }

    /// <summary>Whether <see cref="RequestStop"/> was called.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>Ends training after the current epoch, which still finishes, is validated and stays in the history.</summary>
    public void RequestStop() => StopRequested = true;

    /// <summary>
    /// Copies the current parameters and layer state (from the device on CUDA) into <paramref name="parameters"/>
    /// (<see cref="INetwork.ParameterCount"/> floats) and <paramref name="state"/> (as many as <see cref="INetwork.State"/>).
    /// Call it between epochs; it allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length differs from the network's.</exception>
    public void CopyParametersAndStateTo(Span<float> parameters, Span<float> state)
    {
        CheckLengths(parameters.Length, state.Length);
        _backend.CopyParametersAndStateTo(parameters, state);
    }

    /// <summary>
    /// Makes <paramref name="parameters"/> and <paramref name="state"/> (laid out as <see cref="INetwork.Parameters"/> and
    /// <see cref="INetwork.State"/>) the network's current ones, on the device on CUDA. The optimizer's state and the
    /// training-step count are left as they are. Call it between epochs or in <see cref="TrainingCallback.OnTrainingEnd"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length differs from the network's.</exception>
    public void SetParametersAndState(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        CheckLengths(parameters.Length, state.Length);
        _backend.SetParametersAndState(parameters, state);
    }

    private void CheckLengths(int parameters, int state)
    {
        if (parameters != Network.ParameterCount)
        {
            throw new ArgumentException($"{Network.Name} has {Plural.Of(Network.ParameterCount, "parameter")} but the parameter span holds {parameters}.", nameof(parameters));
        }

        if (state != Network.State.Length)
        {
            throw new ArgumentException($"{Network.Name} has {Network.State.Length} state values but the state span holds {state}.", nameof(state));
        }
    }
}

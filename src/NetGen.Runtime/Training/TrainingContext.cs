using NetGen.Optimizers;

namespace NetGen;

/// <summary>A <see cref="Trainer.Fit"/> call in progress, as <see cref="TrainingCallback"/>s see it.</summary>
public sealed class TrainingContext
{
    internal TrainingContext(INetwork network, Optimizer optimizer, int epochs, TrainingHistory history)
    {
        Network = network;
        Optimizer = optimizer;
        Epochs = epochs;
        History = history;
    }

    /// <summary>
    /// The network being trained. On CUDA its parameters are on the device until <see cref="Trainer.Fit"/> returns;
    /// until then <see cref="INetwork.Parameters"/> holds the values from before the call.
    /// </summary>
    public INetwork Network { get; }

    /// <summary>The optimizer; a new <see cref="Optimizer.LearningRate"/> applies from the next step, on the CPU and on CUDA.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The epoch starting or just finished, from 1.</summary>
    public int Epoch { get; internal set; }

    /// <summary>The epochs asked for (<see cref="TrainingOptions.Epochs"/>).</summary>
    public int Epochs { get; }

    /// <summary>The epochs finished so far, the one just finished included in <see cref="TrainingCallback.OnEpochEnd"/>.</summary>
    public TrainingHistory History { get; }

    /// <summary>Whether <see cref="RequestStop"/> was called.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>Ends training after the current epoch, which still finishes, is validated and stays in the history.</summary>
    public void RequestStop() => StopRequested = true;
}

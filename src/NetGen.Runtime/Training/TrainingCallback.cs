namespace NetGen;

/// <summary>
/// Hooks into <see cref="Trainer.Fit"/>, in the manner of Keras callbacks: derive, override what you need and list the
/// callback in <see cref="TrainingOptions.Callbacks"/>. A learning-rate schedule sets <c>context.Optimizer.LearningRate</c>
/// (see <see cref="LearningRateSchedule"/>); early stopping calls <see cref="TrainingContext.RequestStop"/> (see
/// <see cref="EarlyStopping"/>). Every hook is called on each callback in list order.
/// </summary>
public abstract class TrainingCallback
{
    /// <summary>Called once per <see cref="Trainer.Fit"/> call, before the first epoch starts.</summary>
    public virtual void OnTrainingStart(TrainingContext context)
    {
    }

    /// <summary>Called before the epoch's first step. A learning rate set here is the one the epoch trains with.</summary>
    public virtual void OnEpochStart(TrainingContext context)
    {
    }

    /// <summary>Called after each finished epoch, once it is validated, recorded in the history and passed to <see cref="TrainingOptions.EpochCompleted"/>.</summary>
    public virtual void OnEpochEnd(TrainingContext context, EpochResult epoch)
    {
    }

    /// <summary>
    /// Called once when training ends: after the last epoch, after a stop request, or when
    /// <see cref="TrainingOptions.Cancellation"/> stopped it (not when an exception ends it). Parameters set here through
    /// <see cref="TrainingContext.SetParametersAndState"/> are the ones <see cref="Trainer.Fit"/> leaves in the network.
    /// </summary>
    public virtual void OnTrainingEnd(TrainingContext context)
    {
    }
}

namespace NetGen;

/// <summary>
/// Hooks into the epochs of <see cref="Trainer.Fit"/>, in the manner of Keras callbacks: derive, override what you
/// need and list the callback in <see cref="TrainingOptions.Callbacks"/>. A learning-rate schedule sets
/// <c>context.Optimizer.LearningRate</c>; early stopping calls <see cref="TrainingContext.RequestStop"/>.
/// </summary>
public abstract class TrainingCallback
{
    /// <summary>Called before the epoch's first step. A learning rate set here is the one the epoch trains with.</summary>
    public virtual void OnEpochStart(TrainingContext context)
    {
    }

    /// <summary>Called after each finished epoch, once it is validated, recorded in the history and passed to <see cref="TrainingOptions.EpochCompleted"/>.</summary>
    public virtual void OnEpochEnd(TrainingContext context, EpochResult epoch)
    {
    }
}

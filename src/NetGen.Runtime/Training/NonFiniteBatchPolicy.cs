namespace NetGen;

/// <summary>
/// What <see cref="Trainer.Fit"/> does with a batch whose loss or gradient is NaN or ±∞
/// (<see cref="TrainingOptions.NonFiniteBatches"/>). Either way the batch's step is left out: the parameters, the
/// optimizer's state and the layer state stay as they were before it.
/// </summary>
public enum NonFiniteBatchPolicy
{
    /// <summary>Stop training with a <see cref="NonFiniteTrainingException"/> naming the epoch, the step and the tensor (the default).</summary>
    Stop,

    /// <summary>Leave the batch out and go on; <see cref="EpochResult.SkippedBatches"/> counts such batches.</summary>
    Skip,
}

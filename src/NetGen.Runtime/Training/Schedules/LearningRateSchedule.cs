using System;

namespace NetGen;

/// <summary>
/// A learning rate that is a function of the epoch: at the start of every epoch e (from 1) of a <see cref="Trainer.Fit"/>
/// call the optimizer's <see cref="Optimizers.Optimizer.LearningRate"/> is set to <see cref="RateAt"/>(e, E, η₀), where
/// E is the epochs asked for and η₀ the optimizer's rate when the call started (read at epoch 1's start). Each Fit call
/// starts the schedule again from the rate the optimizer has then. <see cref="EpochResult.LearningRate"/> records the rate.
/// </summary>
public abstract class LearningRateSchedule : TrainingCallback
{
    /// <summary>η₀ of the current or last Fit call; NaN before the first.</summary>
    public float InitialRate { get; private set; } = float.NaN;

    /// <summary>The rate of epoch <paramref name="epoch"/> (from 1) of <paramref name="epochs"/>, starting from <paramref name="initialRate"/>.</summary>
    public abstract float RateAt(int epoch, int epochs, float initialRate);

    /// <summary>Sets the optimizer's rate for the epoch starting, having read η₀ at epoch 1.</summary>
    /// <exception cref="InvalidOperationException">The schedule's rate is not positive and finite (it underflowed to 0, or a function returned a bad value).</exception>
    public sealed override void OnEpochStart(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Epoch == 1)
        {
            InitialRate = context.Optimizer.LearningRate;
        }

        var rate = RateAt(context.Epoch, context.Epochs, InitialRate);
        if (!(rate > 0f && float.IsFinite(rate)))
        {
            throw new InvalidOperationException(
                $"{GetType().Name} gives a learning rate of {rate} for epoch {context.Epoch} (from {InitialRate}); an optimizer's rate must be positive and finite.");
        }

        context.Optimizer.LearningRate = rate;
    }
}

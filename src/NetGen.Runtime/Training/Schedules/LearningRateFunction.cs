using System;

namespace NetGen;

/// <summary>
/// A schedule given by your function: η_e = f(e, η₀) for epoch e from 1, where η₀ is the optimizer's rate when the
/// <see cref="Trainer.Fit"/> call started. The function must return a positive, finite rate.
/// </summary>
public sealed class LearningRateFunction : LearningRateSchedule
{
    private readonly Func<int, float, float> _rate;

    /// <param name="rate">f(epoch, initialRate): the rate of an epoch (from 1) given η₀.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rate"/> is null.</exception>
    public LearningRateFunction(Func<int, float, float> rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        _rate = rate;
    }

    /// <inheritdoc/>
    public override float RateAt(int epoch, int epochs, float initialRate) => _rate(epoch, initialRate);

    /// <summary>"LearningRateFunction".</summary>
    public override string ToString() => nameof(LearningRateFunction);
}

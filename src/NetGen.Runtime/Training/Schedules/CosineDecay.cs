using System;
using System.Globalization;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// Cosine decay after a linear warm-up, over the E epochs of the <see cref="Trainer.Fit"/> call, with W warm-up epochs:
/// <list type="bullet">
/// <item>warm-up, epoch e ≤ W: η_e = η₀·e/(W + 1), rising in equal steps towards η₀;</item>
/// <item>decay, epoch e &gt; W: η_e = η_min + (η₀ − η_min)·(1 + cos(π·(e − W − 1)/(E − W)))/2.</item>
/// </list>
/// Epoch W + 1 trains at η₀, and the rate falls along half a cosine towards η_min, which it would reach at the epoch
/// after the last (so η_min = 0 is allowed). Without warm-up this is PyTorch's <c>CosineAnnealingLR</c> with
/// T_max = E and eta_min = η_min.
/// </summary>
public sealed class CosineDecay : LearningRateSchedule
{
    /// <param name="warmupEpochs">W, the epochs of linear warm-up; 0 or more.</param>
    /// <param name="minimumRate">η_min, the rate the cosine falls towards; 0 or more, finite, and not above η₀.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public CosineDecay(int warmupEpochs = 0, float minimumRate = 0f)
    {
        WarmupEpochs = HyperParameter.RequireNonNegative(warmupEpochs, nameof(warmupEpochs));
        MinimumRate = HyperParameter.RequireNonNegativeFinite(minimumRate, nameof(minimumRate));
    }

    /// <summary>W, the epochs of linear warm-up.</summary>
    public int WarmupEpochs { get; }

    /// <summary>η_min, the rate the cosine falls towards.</summary>
    public float MinimumRate { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException"><see cref="MinimumRate"/> is above <paramref name="initialRate"/>.</exception>
    public override float RateAt(int epoch, int epochs, float initialRate)
    {
        if (MinimumRate > initialRate)
        {
            throw new InvalidOperationException(
                $"{nameof(CosineDecay)}'s minimum rate {MinimumRate} is above the optimizer's rate {initialRate}, which it should decay from.");
        }

        if (epoch <= WarmupEpochs)
        {
            return (float)((double)initialRate * epoch / (WarmupEpochs + 1));
        }

        var progress = (double)(epoch - WarmupEpochs - 1) / (epochs - WarmupEpochs);
        return (float)(MinimumRate + ((initialRate - (double)MinimumRate) * (1 + Math.Cos(Math.PI * progress)) / 2));
    }

    /// <summary>E.g. "CosineDecay(warmup_epochs=1, minimum_rate=0)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"CosineDecay(warmup_epochs={WarmupEpochs}, minimum_rate={MinimumRate})");
}

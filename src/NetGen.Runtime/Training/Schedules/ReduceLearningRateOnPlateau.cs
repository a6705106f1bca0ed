using System;
using System.Globalization;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// Lowers the learning rate when a metric stops improving, as PyTorch's <c>ReduceLROnPlateau</c> with
/// <c>threshold_mode='rel'</c>. After each epoch the metric improves on the best so far when it is below best·(1 − threshold)
/// for a loss, or above best·(1 + threshold) for an accuracy; otherwise the epoch is a bad one. After more than
/// <see cref="Patience"/> bad epochs in a row the rate becomes max(η·factor, η_min), counting starts again, and the next
/// <see cref="Cooldown"/> epochs count no bad epochs. A reduction of 1e-8 or less is skipped (PyTorch's <c>eps</c>). The
/// rate changes in <see cref="OnEpochEnd"/>, so it applies from the next epoch, whose
/// <see cref="EpochResult.LearningRate"/> records it. The best value and the counters start again with each
/// <see cref="Trainer.Fit"/> call; the rate reached stays with the optimizer.
/// </summary>
public sealed class ReduceLearningRateOnPlateau : TrainingCallback, IMetricMonitor
{
    private const double MinimumReduction = 1e-8;

    private int _badEpochs;
    private int _cooldownLeft;

    /// <param name="monitor">The metric watched; a loss should fall, an accuracy rise.</param>
    /// <param name="factor">The factor the rate is multiplied by; in (0, 1).</param>
    /// <param name="patience">Bad epochs in a row that are tolerated; 0 or more.</param>
    /// <param name="threshold">The relative improvement that counts; in [0, 1).</param>
    /// <param name="cooldown">Epochs after a reduction during which bad epochs are not counted; 0 or more.</param>
    /// <param name="minimumRate">η_min, the rate is never lowered below; 0 or more, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public ReduceLearningRateOnPlateau(
        TrainingMetric monitor = TrainingMetric.ValidationLoss, double factor = 0.1, int patience = 10, double threshold = 1e-4,
        int cooldown = 0, float minimumRate = 0f)
    {
        Monitor = TrainingMetricExtensions.RequireDefined(monitor, nameof(monitor));
        Factor = HyperParameter.RequireDecayFactor(factor, nameof(factor), allowOne: false);
        Patience = HyperParameter.RequireNonNegative(patience, nameof(patience));
        Threshold = HyperParameter.RequireFraction(threshold, nameof(threshold));
        Cooldown = HyperParameter.RequireNonNegative(cooldown, nameof(cooldown));
        MinimumRate = HyperParameter.RequireNonNegativeFinite(minimumRate, nameof(minimumRate));
        BestValue = WorstValue;
    }

    /// <summary>The metric watched.</summary>
    public TrainingMetric Monitor { get; }

    /// <summary>The factor the rate is multiplied by at a plateau.</summary>
    public double Factor { get; }

    /// <summary>Bad epochs in a row that are tolerated before a reduction.</summary>
    public int Patience { get; }

    /// <summary>The relative improvement on the best value that counts as one.</summary>
    public double Threshold { get; }

    /// <summary>Epochs after a reduction during which bad epochs are not counted.</summary>
    public int Cooldown { get; }

    /// <summary>η_min, the rate is never lowered below.</summary>
    public float MinimumRate { get; }

    /// <summary>The best value of the metric in the current or last Fit call; +∞ for a loss, −∞ for an accuracy before the first epoch.</summary>
    public double BestValue { get; private set; }

    /// <summary>Reductions made in the current or last Fit call.</summary>
    public int Reductions { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The call cannot produce <see cref="Monitor"/> (no validation data, or no accuracy).</exception>
    public override void OnTrainingStart(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Monitor.RequireAvailable(nameof(ReduceLearningRateOnPlateau), context.Network, context.HasValidation);
        BestValue = WorstValue;
        Reductions = 0;
        _badEpochs = 0;
        _cooldownLeft = 0;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, EpochResult epoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(epoch);
        var current = Monitor.ValueIn(epoch);
        if (Improves(current))
        {
            BestValue = current;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }

        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }

        if (_badEpochs > Patience)
        {
            Reduce(context.Optimizer);
            _cooldownLeft = Cooldown;
            _badEpochs = 0;
        }
    }

    private double WorstValue => Monitor.HigherIsBetter() ? double.NegativeInfinity : double.PositiveInfinity;

    // A NaN never improves.
    private bool Improves(double current) =>
        Monitor.HigherIsBetter() ? current > BestValue * (1 + Threshold) : current < BestValue * (1 - Threshold);

    private void Reduce(Optimizer optimizer)
    {
        double rate = optimizer.LearningRate;
        var reduced = Math.Max(rate * Factor, MinimumRate);
        if (rate - reduced > MinimumReduction)
        {
            optimizer.LearningRate = (float)reduced;
            Reductions++;
        }
    }

    /// <summary>E.g. "ReduceLearningRateOnPlateau(monitor=ValidationLoss, factor=0.5, patience=2, threshold=0.0001, cooldown=0, minimum_rate=0)".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"ReduceLearningRateOnPlateau(monitor={Monitor}, factor={Factor}, patience={Patience}, threshold={Threshold}, cooldown={Cooldown}, minimum_rate={MinimumRate})");
}

using System;
using System.Globalization;
using NetGen.Optimizers;

namespace NetGen;

/// <summary>
/// Stops training when a metric stops improving, as Keras's <c>EarlyStopping</c>. An epoch improves on the best so far
/// when its value is below best − <see cref="MinDelta"/> for a loss, or above best + <see cref="MinDelta"/> for an
/// accuracy (the first epoch always improves; a NaN never does). After <see cref="Patience"/> epochs in a row without
/// improvement it requests a stop, so with patience p training ends p epochs after the best one. With
/// <see cref="RestoreBestWeights"/> the parameters and layer state (such as batch normalisation's running statistics)
/// of the best epoch are copied aside when it ends, on the CPU or the device, into buffers allocated once per
/// <see cref="Trainer.Fit"/> call, and put back when training ends, whether it stopped early or not.
/// </summary>
public sealed class EarlyStopping : TrainingCallback, IMetricMonitor
{
    private float[] _bestParameters = [];
    private float[] _bestState = [];
    private int _epochsWithoutImprovement;

    /// <param name="monitor">The metric watched (default the validation loss); a loss should fall, an accuracy rise.</param>
    /// <param name="patience">Epochs in a row without improvement before stopping; 0 or more (0 stops at the first).</param>
    /// <param name="minDelta">The absolute change that counts as an improvement; 0 or more, finite.</param>
    /// <param name="restoreBestWeights">Whether training ends with the best epoch's parameters and layer state.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public EarlyStopping(TrainingMetric monitor = TrainingMetric.ValidationLoss, int patience = 0, double minDelta = 0, bool restoreBestWeights = true)
    {
        Monitor = TrainingMetricExtensions.RequireDefined(monitor, nameof(monitor));
        Patience = HyperParameter.RequireNonNegative(patience, nameof(patience));
        MinDelta = HyperParameter.RequireNonNegativeFinite(minDelta, nameof(minDelta));
        RestoreBestWeights = restoreBestWeights;
    }

    /// <summary>The metric watched.</summary>
    public TrainingMetric Monitor { get; }

    /// <summary>Epochs in a row without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>The absolute change that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Whether training ends with the best epoch's parameters and layer state.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>The epoch (from 1) with the best value in the current or last Fit call; 0 before one finished.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The metric's value in <see cref="BestEpoch"/>; NaN before one finished.</summary>
    public double BestValue { get; private set; } = double.NaN;

    /// <summary>The epoch after which this callback stopped training in the current or last Fit call; 0 when it did not.</summary>
    public int StoppedEpoch { get; private set; }

    /// <summary>Whether this callback stopped training before the epochs asked for in the current or last Fit call.</summary>
    public bool StoppedEarly => StoppedEpoch > 0;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The call cannot produce <see cref="Monitor"/> (no validation data, or no accuracy).</exception>
    public override void OnTrainingStart(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Monitor.RequireAvailable(nameof(EarlyStopping), context.Network, context.HasValidation);
        BestEpoch = 0;
        BestValue = double.NaN;
        StoppedEpoch = 0;
        _epochsWithoutImprovement = 0;
        if (RestoreBestWeights)
        {
            _bestParameters = SizedTo(_bestParameters, context.Network.ParameterCount);
            _bestState = SizedTo(_bestState, context.Network.State.Length);
        }
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, EpochResult epoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(epoch);
        var current = Monitor.ValueIn(epoch);
        if (Improves(current))
        {
            BestEpoch = epoch.Epoch;
            BestValue = current;
            _epochsWithoutImprovement = 0;
            if (RestoreBestWeights)
            {
                context.CopyParametersAndStateTo(_bestParameters, _bestState);
            }

            return;
        }

        _epochsWithoutImprovement++;
        if (_epochsWithoutImprovement >= Patience)
        {
            StoppedEpoch = epoch.Epoch;
            context.RequestStop();
        }
    }

    /// <summary>Puts the best epoch's parameters and layer state back, when <see cref="RestoreBestWeights"/> and an epoch finished.</summary>
    public override void OnTrainingEnd(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RestoreBestWeights && BestEpoch > 0)
        {
            context.SetParametersAndState(_bestParameters, _bestState);
        }
    }

    private bool Improves(double current)
    {
        if (double.IsNaN(current))
        {
            return false;
        }

        if (BestEpoch == 0)
        {
            return true;
        }

        return Monitor.HigherIsBetter() ? current - MinDelta > BestValue : current + MinDelta < BestValue;
    }

    private static float[] SizedTo(float[] buffer, int length) => buffer.Length == length ? buffer : new float[length];

    /// <summary>E.g. "EarlyStopping(monitor=ValidationLoss, patience=3, min_delta=0, restore_best_weights=True)".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"EarlyStopping(monitor={Monitor}, patience={Patience}, min_delta={MinDelta}, restore_best_weights={RestoreBestWeights})");
}

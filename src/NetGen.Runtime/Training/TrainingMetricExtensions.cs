using System;

namespace NetGen;

/// <summary>What the callbacks that watch a <see cref="TrainingMetric"/> need to know of it.</summary>
internal static class TrainingMetricExtensions
{
    /// <summary>The metric's value in <paramref name="epoch"/>.</summary>
    public static double ValueIn(this TrainingMetric metric, EpochResult epoch) => metric switch
    {
        TrainingMetric.Loss => epoch.Loss,
        TrainingMetric.Accuracy => epoch.Accuracy,
        TrainingMetric.ValidationLoss => epoch.ValidationLoss,
        TrainingMetric.ValidationAccuracy => epoch.ValidationAccuracy,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a TrainingMetric."),
    };

    /// <summary>True for the accuracies (mode "max"), false for the losses (mode "min").</summary>
    public static bool HigherIsBetter(this TrainingMetric metric) => metric is TrainingMetric.Accuracy or TrainingMetric.ValidationAccuracy;

    public static bool NeedsValidation(this TrainingMetric metric) => metric is TrainingMetric.ValidationLoss or TrainingMetric.ValidationAccuracy;

    public static bool IsAccuracy(this TrainingMetric metric) => metric.HigherIsBetter();

    public static TrainingMetric RequireDefined(TrainingMetric metric, string parameterName) =>
        Enum.IsDefined(metric) ? metric : throw new ArgumentOutOfRangeException(parameterName, metric, $"{parameterName} is not a {nameof(TrainingMetric)}.");

    /// <summary>Throws when a Fit call cannot produce <paramref name="metric"/>: a validation figure without validation data, an accuracy of a regression network.</summary>
    /// <exception cref="InvalidOperationException">The metric would be NaN in every epoch.</exception>
    public static void RequireAvailable(this TrainingMetric metric, string callback, INetwork network, bool hasValidation)
    {
        if (metric.NeedsValidation() && !hasValidation)
        {
            throw new InvalidOperationException(
                $"{callback} monitors {metric}, but this Fit call has no validation data: set {nameof(TrainingOptions)}.{nameof(TrainingOptions.Validation)} " +
                $"or {nameof(TrainingOptions)}.{nameof(TrainingOptions.ValidationSplit)}, or monitor {TrainingMetric.Loss}.");
        }

        if (metric.IsAccuracy() && network.Accuracy == AccuracyKind.None)
        {
            throw new InvalidOperationException(
                $"{callback} monitors {metric}, but {network.Name} has no accuracy (its loss, {network.Loss}, is a regression loss); monitor a loss instead.");
        }
    }
}

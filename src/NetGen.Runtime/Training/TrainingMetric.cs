namespace NetGen;

/// <summary>
/// A figure of <see cref="EpochResult"/> that <see cref="EarlyStopping"/> and <see cref="ReduceLearningRateOnPlateau"/>
/// watch. A loss improves by falling, an accuracy by rising.
/// </summary>
public enum TrainingMetric
{
    /// <summary><see cref="EpochResult.Loss"/>, the mean training loss of the epoch; lower is better.</summary>
    Loss,

    /// <summary><see cref="EpochResult.Accuracy"/>, the training accuracy of the epoch; higher is better.</summary>
    Accuracy,

    /// <summary><see cref="EpochResult.ValidationLoss"/>; lower is better. Needs validation data.</summary>
    ValidationLoss,

    /// <summary><see cref="EpochResult.ValidationAccuracy"/>; higher is better. Needs validation data.</summary>
    ValidationAccuracy,
}

namespace NetGen;

/// <summary>A callback that watches a <see cref="TrainingMetric"/>; <see cref="Trainer.Fit"/> checks that the metric is available before training.</summary>
internal interface IMetricMonitor
{
    TrainingMetric Monitor { get; }
}

using System;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Tests.Networks;
using static NetGen.Tests.Training.Control.ControlTestData;

namespace NetGen.Tests.Training.Control;

/// <summary>EarlyStopping on scripted metric sequences, and restoring the best epoch's parameters and layer state in a fit.</summary>
public sealed class EarlyStoppingTests
{
    [Theory]
    // Without a minimum change 0.79 improves on 0.8; then two epochs without improvement stop after epoch 6.
    [InlineData(0.0, 4, 6)]
    // With 0.02, 0.79 is no improvement on 0.8 (it is not below 0.78): the stop comes after epoch 4.
    [InlineData(0.02, 2, 4)]
    public void Stops_after_patience_epochs_without_an_improvement_of_more_than_the_minimum_change(double minDelta, int bestEpoch, int stoppedEpoch)
    {
        double[] losses = [1.0, 0.8, 0.85, 0.79, 0.795, 0.80, 0.70, 0.60];
        var stopping = new EarlyStopping(TrainingMetric.ValidationLoss, patience: 2, minDelta: minDelta, restoreBestWeights: false);

        var stoppedAfter = Drive(stopping, losses);

        Assert.Equal(stoppedEpoch, stoppedAfter);
        Assert.Equal(stoppedEpoch, stopping.StoppedEpoch);
        Assert.True(stopping.StoppedEarly);
        Assert.Equal(bestEpoch, stopping.BestEpoch);
        Assert.Equal(losses[bestEpoch - 1], stopping.BestValue);
    }

    [Fact]
    public void An_accuracy_improves_by_rising_and_patience_zero_stops_at_the_first_epoch_without_improvement()
    {
        double[] accuracies = [0.5, 0.6, 0.7, 0.65, 0.9];
        var stopping = new EarlyStopping(TrainingMetric.Accuracy, restoreBestWeights: false);

        Assert.Equal(4, Drive(stopping, accuracies));
        Assert.Equal(3, stopping.BestEpoch);
    }

    [Fact]
    public void A_nan_never_improves()
    {
        var stopping = new EarlyStopping(TrainingMetric.Loss, patience: 1, restoreBestWeights: false);

        Assert.Equal(3, Drive(stopping, [1.0, 0.5, double.NaN, 0.1]));
        Assert.Equal(2, stopping.BestEpoch);
    }

    [Fact]
    public void A_sequence_that_keeps_improving_never_stops()
    {
        var stopping = new EarlyStopping(TrainingMetric.Loss, restoreBestWeights: false);

        Assert.Equal(0, Drive(stopping, [1.0, 0.9, 0.8, 0.7]));
        Assert.False(stopping.StoppedEarly);
        Assert.Equal(4, stopping.BestEpoch);
    }

    [Fact]
    public void Restores_the_parameters_and_the_batch_norm_running_statistics_of_the_best_epoch_when_it_stops()
    {
        // The validation targets are the negated training targets, so learning makes the validation loss rise from epoch 1 on.
        var network = BatchNormNetwork();
        var recorder = new ParameterRecorder();
        var stopping = new EarlyStopping(TrainingMetric.ValidationLoss, patience: 2);

        var history = network.Fit(RegressionData(sign: 1), RegressionOptions([recorder, stopping], epochs: 10));

        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(1, stopping.BestEpoch);
        Assert.Equal(3, stopping.StoppedEpoch);
        Assert.Equal(history.Epochs.Min(epoch => epoch.ValidationLoss), stopping.BestValue);
        AssertRestored(network, recorder, bestEpoch: 1, lastEpoch: 3);
    }

    [Fact]
    public void Restores_the_best_epoch_also_when_training_runs_all_its_epochs()
    {
        var network = BatchNormNetwork();
        var recorder = new ParameterRecorder();
        var stopping = new EarlyStopping(TrainingMetric.ValidationLoss, patience: 10);

        var history = network.Fit(RegressionData(sign: 1), RegressionOptions([recorder, stopping], epochs: 4));

        Assert.Equal(4, history.Epochs.Count);
        Assert.False(stopping.StoppedEarly);
        Assert.Equal(1, stopping.BestEpoch);
        AssertRestored(network, recorder, bestEpoch: 1, lastEpoch: 4);
    }

    [Fact]
    public void Without_restoring_training_ends_with_the_last_epochs_weights()
    {
        var network = BatchNormNetwork();
        var recorder = new ParameterRecorder();
        var stopping = new EarlyStopping(TrainingMetric.ValidationLoss, patience: 2, restoreBestWeights: false);

        network.Fit(RegressionData(sign: 1), RegressionOptions([recorder, stopping], epochs: 10));

        Assert.Equal(recorder.Parameters[^1], network.Parameters.ToArray());
        Assert.Equal(recorder.State[^1], network.State.ToArray());
    }

    [Fact]
    public void Monitoring_a_validation_metric_without_validation_data_fails_before_training()
    {
        var network = Classifier();
        var before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => network.Fit(ClassifierData(), new TrainingOptions
        {
            BatchSize = BatchSize, Callbacks = [new EarlyStopping(TrainingMetric.ValidationAccuracy)],
        }));

        Assert.Contains("EarlyStopping monitors ValidationAccuracy", error.Message);
        Assert.Contains("no validation data", error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Driven_without_fit_a_validation_metric_without_validation_data_fails_at_training_start()
    {
        var context = Context(Classifier(), new Sgd(), hasValidation: false);

        var error = Assert.Throws<InvalidOperationException>(() => new EarlyStopping().OnTrainingStart(context));

        Assert.Contains("no validation data", error.Message);
    }

    [Fact]
    public void Hyper_parameters_out_of_range_are_refused_naming_the_parameter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("monitor", () => new EarlyStopping((TrainingMetric)(-1)));
        Assert.Throws<ArgumentOutOfRangeException>("patience", () => new EarlyStopping(patience: -1));
        Assert.Throws<ArgumentOutOfRangeException>("minDelta", () => new EarlyStopping(minDelta: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>("minDelta", () => new EarlyStopping(minDelta: double.PositiveInfinity));
    }

    /// <summary>Feeds <paramref name="values"/> as the epochs' figures until a stop is requested; returns the epoch it came after, or 0.</summary>
    private static int Drive(EarlyStopping stopping, double[] values)
    {
        var context = Context(Classifier(), new Sgd(), epochs: values.Length);
        stopping.OnTrainingStart(context);
        for (var epoch = 1; epoch <= values.Length; epoch++)
        {
            context.Epoch = epoch;
            stopping.OnEpochEnd(context, Epoch(epoch, values[epoch - 1]));
            if (context.StopRequested)
            {
                return epoch;
            }
        }

        return 0;
    }

    private static void AssertRestored(INetwork network, ParameterRecorder recorder, int bestEpoch, int lastEpoch)
    {
        Assert.Equal(lastEpoch, recorder.Parameters.Count);
        Assert.Equal(recorder.Parameters[bestEpoch - 1], network.Parameters.ToArray());
        Assert.Equal(recorder.State[bestEpoch - 1], network.State.ToArray());
        // Training went on after the best epoch, so restoring changed both.
        Assert.NotEqual(recorder.Parameters[lastEpoch - 1], network.Parameters.ToArray());
        Assert.NotEqual(recorder.State[lastEpoch - 1], network.State.ToArray());
    }

    private static BatchNormNet BatchNormNetwork()
    {
        var network = new BatchNormNet();
        network.Initialize(seed: 2);
        return network;
    }

    private static TrainingOptions RegressionOptions(TrainingCallback[] callbacks, int epochs) => new()
    {
        Epochs = epochs, BatchSize = 8, Optimizer = new Adam(0.05f), Seed = 3, Validation = RegressionData(sign: -1), Callbacks = callbacks,
    };

    /// <summary>32 samples of 5 inputs whose 2 targets are <paramref name="sign"/> times two fixed sums of the inputs.</summary>
    internal static Dataset RegressionData(float sign)
    {
        const int samples = 32;
        var inputs = Gradients.GradientChecker.RandomArray(samples * BatchNormNet.InputSize, seed: 6);
        var targets = new float[samples * BatchNormNet.OutputSize];
        for (var sample = 0; sample < samples; sample++)
        {
            var x = inputs.AsSpan(sample * BatchNormNet.InputSize, BatchNormNet.InputSize);
            targets[sample * 2] = sign * (x[0] + x[1] - x[2] + 1f);
            targets[(sample * 2) + 1] = sign * (x[3] - x[4] - 0.5f);
        }

        return new Dataset(inputs, targets, BatchNormNet.InputSize, BatchNormNet.OutputSize);
    }
}

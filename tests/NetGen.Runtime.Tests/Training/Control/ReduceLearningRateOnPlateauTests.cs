using System;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Tests.Networks;
using static NetGen.Tests.Training.Control.ControlTestData;

namespace NetGen.Tests.Training.Control;

/// <summary>
/// ReduceLearningRateOnPlateau on scripted metric sequences, against the rates PyTorch's ReduceLROnPlateau gives for the
/// same sequences (η₀ = 0.1; the rate listed for epoch e is the one epoch e trains with, after e − 1 calls of step).
/// </summary>
public sealed class ReduceLearningRateOnPlateauTests
{
    [Fact]
    public void A_loss_that_stalls_lowers_the_rate_after_the_patience_with_cooldown_and_minimum_as_PyTorch()
    {
        // ReduceLROnPlateau(mode='min', factor=0.5, patience=1, threshold=1e-4, cooldown=1, min_lr=0.02). Epoch 3's 0.9
        // is no improvement on 0.9; 0.8999 at epoch 6 is one (below 0.9·(1 − 1e-4) = 0.89991); the third reduction stops at 0.02.
        double[] losses = [1.0, 0.9, 0.9, 0.95, 0.91, 0.8999, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.5, 0.6];
        double[] pytorchRates = [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.02, 0.02, 0.02];
        var plateau = new ReduceLearningRateOnPlateau(TrainingMetric.Loss, factor: 0.5, patience: 1, cooldown: 1, minimumRate: 0.02f);

        AssertRates(pytorchRates, RatesOver(plateau, losses));
        Assert.Equal(3, plateau.Reductions);
        Assert.Equal(0.5, plateau.BestValue);
    }

    [Fact]
    public void An_accuracy_that_stalls_lowers_the_rate_after_the_patience_as_PyTorch_in_max_mode()
    {
        // ReduceLROnPlateau(mode='max', factor=0.1, patience=2): 0.60005 is within the relative threshold of 0.6.
        double[] accuracies = [0.5, 0.6, 0.6, 0.60005, 0.6, 0.61, 0.61, 0.61, 0.61, 0.7];
        double[] pytorchRates = [0.1, 0.1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.01, 0.001];

        AssertRates(pytorchRates, RatesOver(new ReduceLearningRateOnPlateau(TrainingMetric.ValidationAccuracy, factor: 0.1, patience: 2), accuracies));
    }

    [Fact]
    public void A_nan_is_a_bad_epoch()
    {
        double[] losses = [1.0, double.NaN, double.NaN, 0.5];

        AssertRates([0.1, 0.1, 0.1, 0.05], RatesOver(new ReduceLearningRateOnPlateau(TrainingMetric.Loss, factor: 0.5, patience: 1), losses));
    }

    [Fact]
    public void A_reduction_made_at_an_epochs_end_is_recorded_as_the_next_epochs_rate_in_a_fit()
    {
        // A relative threshold of 0.99 counts only the first epoch as an improvement, whatever the losses: with patience 0
        // every later epoch lowers the rate for the one after it.
        var optimizer = new RateRecordingSgd(0.1f);
        var plateau = new ReduceLearningRateOnPlateau(TrainingMetric.Loss, factor: 0.5, patience: 0, threshold: 0.99);

        var history = Classifier().Fit(ClassifierData(), new TrainingOptions
        {
            Epochs = 5, BatchSize = BatchSize, Optimizer = optimizer, Callbacks = [plateau],
        });

        var rates = history.Epochs.Select(epoch => epoch.LearningRate).ToArray();
        AssertRates([0.1, 0.1, 0.05, 0.025, 0.0125], rates);
        Assert.Equal(rates.SelectMany(rate => Enumerable.Repeat(rate, SampleCount / BatchSize)), optimizer.StepRates);
        Assert.Equal(0.00625f, optimizer.LearningRate);
    }

    [Fact]
    public void Monitoring_a_validation_metric_without_validation_data_fails_before_training()
    {
        var network = Classifier();
        var before = network.Parameters.ToArray();
        var epochs = 0;

        var error = Assert.Throws<InvalidOperationException>(() => network.Fit(ClassifierData(), new TrainingOptions
        {
            BatchSize = BatchSize, EpochCompleted = _ => epochs++, Callbacks = [new ReduceLearningRateOnPlateau()],
        }));

        Assert.Contains("ReduceLearningRateOnPlateau monitors ValidationLoss", error.Message);
        Assert.Contains("no validation data", error.Message);
        Assert.Equal(0, epochs);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Monitoring_an_accuracy_of_a_regression_network_is_refused()
    {
        var network = new LinearRegressionNet();
        Assert.Equal(AccuracyKind.None, ((INetwork)network).Accuracy);
        var context = Context(network, new Sgd());

        var error = Assert.Throws<InvalidOperationException>(() => new ReduceLearningRateOnPlateau(TrainingMetric.Accuracy).OnTrainingStart(context));

        Assert.Contains("LinearRegressionNet has no accuracy", error.Message);
    }

    [Fact]
    public void Hyper_parameters_out_of_range_are_refused_naming_the_parameter()
    {
        Assert.Throws<ArgumentOutOfRangeException>("monitor", () => new ReduceLearningRateOnPlateau((TrainingMetric)7));
        Assert.Throws<ArgumentOutOfRangeException>("factor", () => new ReduceLearningRateOnPlateau(factor: 1));
        Assert.Throws<ArgumentOutOfRangeException>("factor", () => new ReduceLearningRateOnPlateau(factor: 0));
        Assert.Throws<ArgumentOutOfRangeException>("patience", () => new ReduceLearningRateOnPlateau(patience: -1));
        Assert.Throws<ArgumentOutOfRangeException>("threshold", () => new ReduceLearningRateOnPlateau(threshold: -1e-4));
        Assert.Throws<ArgumentOutOfRangeException>("threshold", () => new ReduceLearningRateOnPlateau(threshold: 1));
        Assert.Throws<ArgumentOutOfRangeException>("cooldown", () => new ReduceLearningRateOnPlateau(cooldown: -2));
        Assert.Throws<ArgumentOutOfRangeException>("minimumRate", () => new ReduceLearningRateOnPlateau(minimumRate: float.NaN));
    }

    /// <summary>The rate each epoch trains with when the callback sees <paramref name="values"/> at the epochs' ends.</summary>
    private static float[] RatesOver(ReduceLearningRateOnPlateau plateau, double[] values)
    {
        var optimizer = new Sgd(0.1f);
        var context = Context(Classifier(), optimizer, epochs: values.Length);
        plateau.OnTrainingStart(context);
        var rates = new float[values.Length];
        for (var epoch = 1; epoch <= values.Length; epoch++)
        {
            context.Epoch = epoch;
            rates[epoch - 1] = optimizer.LearningRate;
            plateau.OnEpochEnd(context, Epoch(epoch, values[epoch - 1], optimizer.LearningRate));
        }

        return rates;
    }
}

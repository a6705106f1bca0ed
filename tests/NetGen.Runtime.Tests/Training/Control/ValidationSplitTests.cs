using System;
using System.Linq;
using NetGen.Optimizers;
using static NetGen.Tests.Training.Control.ControlTestData;

namespace NetGen.Tests.Training.Control;

/// <summary>TrainingOptions.ValidationSplit: which rows it holds out, that a fit validates on them and trains on the others only, and misuse.</summary>
public sealed class ValidationSplitTests
{
    [Fact]
    public void The_same_seed_gives_the_same_split_into_disjoint_ascending_rows_covering_every_sample()
    {
        var (training, validation) = ValidationSplit.Rows(100, 0.2, seed: 7);
        var (trainingAgain, validationAgain) = ValidationSplit.Rows(100, 0.2, seed: 7);

        Assert.Equal(80, training.Length);
        Assert.Equal(20, validation.Length);
        Assert.Equal(training, trainingAgain);
        Assert.Equal(validation, validationAgain);
        Assert.Empty(training.Intersect(validation));
        Assert.Equal(Enumerable.Range(0, 100), training.Concat(validation).Order());
        Assert.Equal(validation.Order(), validation);
        Assert.Equal(training.Order(), training);
        // Shuffled, not the last fifth as Keras takes it.
        Assert.NotEqual(Enumerable.Range(80, 20), validation);
    }

    [Fact]
    public void Another_seed_holds_out_other_rows()
    {
        Assert.NotEqual(ValidationSplit.Rows(100, 0.2, seed: 7).Validation, ValidationSplit.Rows(100, 0.2, seed: 8).Validation);
    }

    [Theory]
    [InlineData(10, 0.25, 3)] // ⌈2.5⌉
    [InlineData(10, 0.7, 7)] // 0.7 × 10 is 7.000000000000001 in double; the decimal fraction gives 7
    [InlineData(10, 0.01, 1)]
    [InlineData(1000, 0.1, 100)]
    public void The_validation_set_holds_the_fraction_of_the_samples_rounded_up(int count, double fraction, int expected)
    {
        var (training, validation) = ValidationSplit.Rows(count, fraction, seed: 1);

        Assert.Equal(expected, validation.Length);
        Assert.Equal(count - expected, training.Length);
    }

    [Fact]
    public void A_fit_with_a_split_trains_and_validates_exactly_as_with_the_two_parts_given_apart()
    {
        var data = ClassifierData();
        var (trainingRows, validationRows) = ValidationSplit.Rows(data.Count, 0.25, seed: 11);
        var split = Classifier();
        var apart = Classifier();

        var splitHistory = split.Fit(data, new TrainingOptions { Epochs = 3, BatchSize = 7, Seed = 11, ValidationSplit = 0.25, Optimizer = new Adam(0.01f) });
        var apartHistory = apart.Fit(data.CopyRows(trainingRows), new TrainingOptions
        {
            Epochs = 3, BatchSize = 7, Seed = 11, Validation = data.CopyRows(validationRows), Optimizer = new Adam(0.01f),
        });

        Assert.Equal(30, trainingRows.Length);
        Assert.Equal(apart.Parameters.ToArray(), split.Parameters.ToArray());
        Assert.Equal(apartHistory.Epochs.Select(epoch => epoch.Loss), splitHistory.Epochs.Select(epoch => epoch.Loss));
        Assert.Equal(apartHistory.Epochs.Select(epoch => epoch.ValidationLoss), splitHistory.Epochs.Select(epoch => epoch.ValidationLoss));
        Assert.All(splitHistory.Epochs, epoch => Assert.False(double.IsNaN(epoch.ValidationAccuracy)));
        Assert.Equal(Trainer.Evaluate(split, data.CopyRows(validationRows)).Loss, splitHistory.Last!.ValidationLoss);
    }

    [Fact]
    public void Without_shuffling_the_training_rows_keep_their_order()
    {
        var data = ClassifierData();
        var (trainingRows, _) = ValidationSplit.Rows(data.Count, 0.1, seed: 2);
        var split = Classifier();
        var apart = Classifier();

        split.Fit(data, new TrainingOptions { Epochs = 2, BatchSize = 4, Seed = 2, Shuffle = false, ValidationSplit = 0.1 });
        apart.Fit(data.CopyRows(trainingRows), new TrainingOptions { Epochs = 2, BatchSize = 4, Seed = 2, Shuffle = false });

        Assert.Equal(apart.Parameters.ToArray(), split.Parameters.ToArray());
    }

    [Fact]
    public void A_split_is_validation_data_for_the_callbacks_that_monitor_it()
    {
        var stopping = new EarlyStopping(TrainingMetric.ValidationLoss, patience: 1);

        var history = Classifier().Fit(ClassifierData(), new TrainingOptions
        {
            Epochs = 3, BatchSize = BatchSize, ValidationSplit = 0.2, Callbacks = [stopping],
        });

        Assert.InRange(stopping.BestEpoch, 1, history.Epochs.Count);
        Assert.Equal(history.Epochs[stopping.BestEpoch - 1].ValidationLoss, stopping.BestValue);
        Assert.False(double.IsNaN(stopping.BestValue));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Classifier().Fit(ClassifierData(), new TrainingOptions { ValidationSplit = fraction }));

        Assert.Equal("ValidationSplit", error.ParamName);
        Assert.Contains("[0, 1)", error.Message);
    }

    [Fact]
    public void Validation_data_and_a_split_together_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Classifier().Fit(ClassifierData(), new TrainingOptions { Validation = ClassifierData(8), ValidationSplit = 0.1 }));

        Assert.Equal("ValidationSplit", error.ParamName);
        Assert.Contains("one way only", error.Message);
    }

    [Fact]
    public void A_split_that_leaves_no_sample_to_train_on_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Classifier().Fit(ClassifierData(samples: 2), new TrainingOptions { ValidationSplit = 0.6 }));

        Assert.Contains("takes all 2 samples for validation", error.Message);
    }
}

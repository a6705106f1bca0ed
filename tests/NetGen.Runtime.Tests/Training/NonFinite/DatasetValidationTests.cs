using System;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training.NonFinite;

/// <summary>A <see cref="Dataset"/> refuses NaN and ±∞ when it is made, naming where, unless told to keep them.</summary>
public sealed class DatasetValidationTests
{
    [Fact]
    public void A_nan_input_is_named_by_array_sample_feature_and_value()
    {
        var inputs = new float[12];
        inputs[7] = float.NaN; // sample 2, feature 1 of 3

        var error = Assert.Throws<ArgumentException>(() => new Dataset(inputs, new float[4], inputSize: 3, targetSize: 1));

        Assert.Equal("inputs", error.ParamName);
        Assert.StartsWith("inputs[7] (sample 2, feature 1) is NaN", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowNonFinite: true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_target_is_named_by_array_sample_feature_and_value()
    {
        var targets = new float[8];
        targets[5] = float.NegativeInfinity; // sample 2, feature 1 of 2

        var error = Assert.Throws<ArgumentException>(() => new Dataset(new float[4], targets, inputSize: 1, targetSize: 2));

        Assert.Equal("targets", error.ParamName);
        Assert.StartsWith("targets[5] (sample 2, feature 1) is -∞", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_bad_value_is_reported_wherever_it_falls_in_the_vectors()
    {
        // Past several whole groups of vectors, inside one, and in the scalar tail, with a later bad value after it.
        foreach (var index in new[] { 0, 31, 64, 200, 257, 1000, 1028 })
        {
            var inputs = new float[1030];
            inputs[index] = float.PositiveInfinity;
            inputs[1029] = float.NaN;

            var error = Assert.Throws<ArgumentException>(() => new Dataset(inputs, new float[1030], 1, 1));

            Assert.StartsWith($"inputs[{index}] (sample {index}, feature 0) is +∞", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Extreme_finite_values_pass()
    {
        var data = new Dataset([float.MaxValue, -float.MaxValue, float.Epsilon, 0f], [1f, 0f, -0f, float.MinValue], 1, 1);

        Assert.Equal(4, data.Count);
    }

    [Fact]
    public void Allowing_non_finite_values_keeps_them()
    {
        var data = new Dataset([float.NaN, 1f], [float.PositiveInfinity, 0f], 1, 1, allowNonFinite: true);

        Assert.True(float.IsNaN(data.Inputs[0]));
        Assert.True(float.IsPositiveInfinity(data.Targets[0]));
    }

    [Fact]
    public void Class_labelled_data_checks_its_inputs_too()
    {
        var error = Assert.Throws<ArgumentException>(() => Dataset.FromClassLabels([0f, 1f, float.NaN, 2f], 2, [0, 1], 3));

        Assert.StartsWith("inputs[2] (sample 1, feature 0) is NaN", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Dataset.FromClassLabels([0f, 1f, float.NaN, 2f], 2, [0, 1], 3, allowNonFinite: true).Count);
    }

    [Fact]
    public void The_generated_fit_refuses_nan_data_before_training()
    {
        var network = new XorNet();
        network.Initialize(1);
        var before = network.Parameters.ToArray();

        Assert.Throws<ArgumentException>(() => network.Fit([0f, float.NaN], [1f], new TrainingOptions { Epochs = 1 }));

        Assert.Equal(before, network.Parameters.ToArray());
    }
}

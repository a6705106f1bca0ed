using System;
using NetGen.Tests.Networks;

// These tests pass arrays of the wrong length on purpose, to prove the run-time checks; the build-time
// warning for exactly that (NG0021) is expected here.
#pragma warning disable NG0021

namespace NetGen.Tests.Training;

public sealed class MisuseTests
{
    [Fact]
    public void Input_of_the_wrong_length_names_the_network_and_the_expected_shape()
    {
        var network = new XorNet();
        var error = Assert.Throws<ArgumentException>(() => network.Forward(new float[3], new float[1]));
        Assert.Contains("XorNet", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2]", error.Message, StringComparison.Ordinal);
        Assert.Equal("inputs", error.ParamName);
    }

    [Fact]
    public void A_single_prediction_needs_exactly_one_sample()
    {
        var network = new DeepFlattenNet();
        var error = Assert.Throws<ArgumentException>(() => network.Predict(new float[12]));
        Assert.Contains("DeepFlattenNet", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2×3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_for_another_number_of_samples_are_refused()
    {
        var network = new XorNet();
        var error = Assert.Throws<ArgumentException>(() => network.ComputeGradients(new float[8], new float[3]));
        Assert.Contains("XorNet", error.Message, StringComparison.Ordinal);
        Assert.Equal("targets", error.ParamName);
    }

    [Fact]
    public void Batch_size_zero_is_refused_with_the_network_name()
    {
        var network = new XorNet();
        var error = Assert.Throws<ArgumentException>(() =>
            network.Fit(new float[8], new float[4], new TrainingOptions { BatchSize = 0 }));
        Assert.Contains("XorNet", error.Message, StringComparison.Ordinal);
        Assert.Contains("BatchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_is_refused()
    {
        var network = new XorNet();
        var error = Assert.Throws<ArgumentException>(() => network.Fit(Array.Empty<float>(), Array.Empty<float>()));
        Assert.Contains("XorNet", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_shaped_for_another_network_is_refused_by_fit()
    {
        var data = new Dataset(new float[9], new float[3], 3, 1);
        var error = Assert.Throws<ArgumentException>(() => new XorNet().Fit(data));
        Assert.Contains("XorNet", error.Message, StringComparison.Ordinal);
        Assert.Contains("takes 2 inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predictions_of_the_wrong_length_are_named_as_the_predictions()
    {
        var network = new XorNet();
        var error = Assert.Throws<ArgumentException>(() => network.Predict(new float[4], new float[3]));
        Assert.Equal("predictions", error.ParamName);
        Assert.Contains("predictions holds 3 floats but needs 2 for 2 samples of shape [1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_of_one_take_the_singular()
    {
        var network = new XorNet();
        var inputs = Assert.Throws<ArgumentException>(() => network.Forward(new float[1], new float[1]));
        Assert.Contains("inputs holds 1 float,", inputs.Message, StringComparison.Ordinal);
        var outputs = Assert.Throws<ArgumentException>(() => network.Forward(new float[2], new float[3]));
        Assert.Contains("outputs holds 3 floats but needs 1 for 1 sample of shape [1]", outputs.Message, StringComparison.Ordinal);
        var targets = Assert.Throws<ArgumentException>(() => new Dataset(new float[2], new float[2], 2, 1));
        Assert.Contains("needs 1 for 1 sample of 1 target", targets.Message, StringComparison.Ordinal);
    }
}

using System;
using System.Linq;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Gradients;

/// <summary>The public <see cref="GradientCheck"/>: it catches and names a wrong gradient, replays stochastic steps, and leaves the network as it was.</summary>
public sealed class GradientCheckToolTests
{
    [Fact]
    public void A_wrong_gradient_element_is_caught_and_named()
    {
        var network = new TanhNet();
        var (inputs, targets) = GradientCheckTests.RandomizedBatch(network);
        var wrongElement = TanhNet.Layers.Hidden.Weight.Offset + 5; // [1, 2] of a [4, 3] weight

        var report = GradientCheck.Run(new WrongGradientNetwork(network, wrongElement, error: 0.05f), inputs, targets);

        Assert.False(report.Passed(GradientCheckTests.Tolerance), report.ToString());
        var worst = Assert.IsType<GradientCheckElement>(report.Worst);
        Assert.Equal("Hidden.Weight", worst.Tensor.Name);
        Assert.Equal(5, worst.Index);
        Assert.Equal([1, 2], worst.Coordinates);
        Assert.Equal(0.05, worst.Analytic - worst.Numeric, precision: 3);
        Assert.All(report.Tensors.Where(tensor => tensor.Tensor.Name != "Hidden.Weight"),
            tensor => Assert.True(tensor.WorstRelativeError <= GradientCheckTests.Tolerance, report.ToString()));
        Assert.Contains("Worst: Hidden.Weight[1, 2]", report.ToString());
    }

    [Theory]
    [InlineData(nameof(BatchNormNet))]
    [InlineData(nameof(SpatialBatchNormNet))]
    [InlineData(nameof(DropoutNet))]
    public void The_check_leaves_parameters_state_and_step_count_as_they_were(string name)
    {
        var network = GradientCheckTests.Create(name);
        var (inputs, targets) = GradientCheckTests.RandomizedBatch(network);
        for (var step = 0; step < 3; step++)
        {
            network.ComputeGradients(inputs, targets);
        }

        var parameters = network.Parameters.ToArray();
        var state = network.State.ToArray();

        var report = GradientCheck.Run(network, inputs, targets);

        Assert.True(report.Passed(GradientCheckTests.Tolerance), report.ToString());
        Assert.Equal(parameters, network.Parameters.ToArray());
        Assert.Equal(state, network.State.ToArray());
        Assert.Equal(3, network.TrainingSteps);
        var worst = report.Worst!;
        Assert.Equal((float)worst.Analytic, worst.Tensor.Slice(network.Gradients)[worst.Index]);
    }

    [Fact]
    public void Dropout_checks_correctly_only_because_each_evaluation_replays_the_same_step()
    {
        var network = new DropoutNet();
        var (inputs, targets) = GradientCheckTests.RandomizedBatch(network);

        var replayed = GradientCheck.Run(network, inputs, targets);
        var redrawn = GradientCheck.Run(new UnreplayableNetwork(network), inputs, targets);

        Assert.True(replayed.Passed(GradientCheckTests.Tolerance), replayed.ToString());
        Assert.False(redrawn.Passed(GradientCheckTests.Tolerance), redrawn.ToString());
    }

    [Fact]
    public void Large_tensors_are_checked_at_a_seeded_sample()
    {
        var network = new ConvMaxPoolNet();
        var (inputs, targets) = GradientCheckTests.RandomizedBatch(network);
        var options = new GradientCheckOptions { MaxElementsPerTensor = 20, SampleSeed = 7 };

        var first = GradientCheck.Run(network, inputs, targets, options);
        var again = GradientCheck.Run(network, inputs, targets, options);

        Assert.Equal(network.ParameterTensors.Select(tensor => Math.Min(tensor.Length, 20)), first.Tensors.Select(tensor => tensor.ElementsChecked));
        Assert.Equal(first.ToString(), again.ToString());
        Assert.True(first.Passed(GradientCheckTests.Tolerance), first.ToString());
    }

    [Fact]
    public void Elements_on_a_kink_are_reported_apart_rather_than_hidden()
    {
        var network = new ReluNet();
        var (inputs, targets) = GradientCheckTests.RandomizedBatch(network);
        // Hidden unit 0 gets weights and bias 0: its pre-activation is 0 for every sample, where ReLU has no derivative.
        ReluNet.Layers.Hidden.Weight.Slice(network.Parameters)[..3].Clear();
        ReluNet.Layers.Hidden.Bias.Slice(network.Parameters)[0] = 0f;

        var report = GradientCheck.Run(network, inputs, targets);

        Assert.Contains(report.Kinks, kink => kink.Tensor.Name == "Hidden.Bias" && kink.Index == 0);
        Assert.All(report.Kinks, kink => Assert.True(kink.AtKink));
        Assert.Contains("Kink: Hidden.Bias[0]", report.ToString());
        Assert.True(report.Passed(GradientCheckTests.Tolerance), report.ToString());
    }

    [Fact]
    public void A_kink_within_the_step_rather_than_at_the_parameter_is_reported_too()
    {
        var network = new ReluNet();
        var (inputs, targets) = GradientCheckTests.RandomizedBatch(network);
        // Hidden unit 0's pre-activation is its bias for every sample: at 0.6 steps above 0, ReLU's kink is in reach of θ − h only.
        var step = new GradientCheckOptions().Step;
        ReluNet.Layers.Hidden.Weight.Slice(network.Parameters)[..3].Clear();
        ReluNet.Layers.Hidden.Bias.Slice(network.Parameters)[0] = (float)(0.6 * step);

        var report = GradientCheck.Run(network, inputs, targets);

        Assert.Contains(report.Kinks, kink => kink.Tensor.Name == "Hidden.Bias" && kink.Index == 0);
        Assert.True(report.Passed(GradientCheckTests.Tolerance), report.ToString());
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        var network = new TanhNet();
        var (inputs, targets) = GradientCheckTests.RandomizedBatch(network);

        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Run(network, inputs, targets, new GradientCheckOptions { Step = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Run(network, inputs, targets, new GradientCheckOptions { MaxElementsPerTensor = 0 }));
    }
}

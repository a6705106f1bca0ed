using System;
using NetGen.Optimizers;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

/// <summary>The seed and the training-step count that key and count the random streams of stochastic layers.</summary>
public sealed class TrainingStepCountTests
{
    private static readonly float[] s_inputs = [0, 0, 0, 1, 1, 0, 1, 1];
    private static readonly float[] s_targets = [0, 1, 1, 0];

    [Fact]
    public void Only_training_steps_count_and_initialising_starts_over()
    {
        var network = new XorNet();
        Assert.Equal((0, 0L), (network.Seed, network.TrainingSteps));

        network.Forward(s_inputs, new float[4]);
        network.ComputeLoss(s_inputs, s_targets);
        Assert.Equal(0, network.TrainingSteps);

        network.ComputeGradients(s_inputs, s_targets);
        network.TrainStep(s_inputs, s_targets, new Sgd());
        Assert.Equal(2, network.TrainingSteps);

        network.Fit(s_inputs, s_targets, new TrainingOptions { Epochs = 3, BatchSize = 2 });
        Assert.Equal(2 + (3 * 2), network.TrainingSteps);

        network.Initialize(seed: 5);
        Assert.Equal((5, 0L), (network.Seed, network.TrainingSteps));
    }

    [Fact]
    public void The_count_can_be_set_back_but_not_below_zero()
    {
        var network = new XorNet { TrainingSteps = 41 };
        network.ComputeGradients(s_inputs, s_targets);
        Assert.Equal(42, network.TrainingSteps);

        Assert.Throws<ArgumentOutOfRangeException>(() => network.TrainingSteps = -1);
        Assert.Equal(42, network.TrainingSteps);
    }
}

using System;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training.NonFinite;

/// <summary>
/// A step left out for a NaN puts batch normalisation's running statistics back: its forward pass had already updated
/// them from the batch.
/// </summary>
public sealed class BatchNormStateTests
{
    private const int Samples = 8;
    private const int BatchSize = 2;

    [Fact]
    public void Stopping_leaves_the_running_statistics_as_they_were_before_the_step()
    {
        var network = Network();
        float[]? stateBeforeBadStep = null;
        float[]? parametersBeforeBadStep = null;
        var options = new TrainingOptions
        {
            Epochs = 1, BatchSize = BatchSize, Shuffle = false, Optimizer = new Adam(0.01f),
            Progress = progress =>
            {
                if (progress.Batch == 2)
                {
                    stateBeforeBadStep = network.State.ToArray();
                    parametersBeforeBadStep = network.Parameters.ToArray();
                }
            },
        };

        var error = Assert.Throws<NonFiniteTrainingException>(() => Trainer.Fit(network, Data(nanSample: 5), options));

        Assert.Equal(3, error.Step);
        Assert.NotNull(stateBeforeBadStep);
        Assert.Equal(NonFiniteStepTests.Bits(stateBeforeBadStep), NonFiniteStepTests.Bits(network.State));
        Assert.Equal(NonFiniteStepTests.Bits(parametersBeforeBadStep), NonFiniteStepTests.Bits(network.Parameters));
    }

    [Fact]
    public void Skipping_keeps_the_running_statistics_finite_and_as_without_the_bad_batch()
    {
        var skipping = Network();
        var reference = Network();
        var referenceOptimizer = new Sgd(0.05f);

        Trainer.Fit(skipping, Data(nanSample: 5), new TrainingOptions
        {
            Epochs = 2, BatchSize = BatchSize, Shuffle = false, Optimizer = new Sgd(0.05f), NonFiniteBatches = NonFiniteBatchPolicy.Skip,
        });

        var clean = Data(nanSample: null);
        for (var epoch = 0; epoch < 2; epoch++)
        {
            foreach (var batch in new[] { 0, 1, 3 })
            {
                reference.ComputeGradients(clean.InputRows(batch * BatchSize, BatchSize), clean.TargetRows(batch * BatchSize, BatchSize));
                referenceOptimizer.Step(reference.Parameters, reference.Gradients);
            }
        }

        Assert.True(skipping.State.ToArray().All(float.IsFinite));
        Assert.Equal(NonFiniteStepTests.Bits(reference.State), NonFiniteStepTests.Bits(skipping.State));
        Assert.Equal(NonFiniteStepTests.Bits(reference.Parameters), NonFiniteStepTests.Bits(skipping.Parameters));
    }

    private static BatchNormNet Network()
    {
        var network = new BatchNormNet();
        network.Initialize(4);
        return network;
    }

    private static Dataset Data(int? nanSample)
    {
        var random = new SeededRandom(11);
        var inputs = new float[Samples * BatchNormNet.InputSize];
        var targets = new float[Samples * BatchNormNet.OutputSize];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextUniform(-1f, 1f);
        }

        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = random.NextUniform(-1f, 1f);
        }

        if (nanSample is { } sample)
        {
            inputs[sample * BatchNormNet.InputSize] = float.NaN;
        }

        return new Dataset(inputs, targets, BatchNormNet.InputSize, BatchNormNet.OutputSize, allowNonFinite: true);
    }
}

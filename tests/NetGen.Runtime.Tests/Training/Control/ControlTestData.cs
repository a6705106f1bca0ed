using System;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Tests.Gradients;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training.Control;

/// <summary>Small networks, data and contexts for the learning-rate schedule, early stopping and validation split tests.</summary>
internal static class ControlTestData
{
    public const int SampleCount = 40;
    public const int BatchSize = 10;

    public static SoftmaxCrossEntropyNet Classifier()
    {
        var network = new SoftmaxCrossEntropyNet();
        network.Initialize(seed: 1);
        return network;
    }

    /// <summary>Random inputs with random labels: the loss falls slowly and never by much.</summary>
    public static Dataset ClassifierData(int samples = SampleCount, int seed = 4)
    {
        var random = new SeededRandom(seed);
        var labels = new int[samples];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = random.NextInt(SoftmaxCrossEntropyNet.OutputSize);
        }

        return Dataset.FromClassLabels(GradientChecker.RandomArray(samples * 3, seed: seed - 1), 3, labels, SoftmaxCrossEntropyNet.OutputSize);
    }

    /// <summary>A context for driving a callback directly, on the CPU.</summary>
    public static TrainingContext Context(INetwork network, Optimizer optimizer, int epochs = 10, bool hasValidation = true) =>
        new(network, optimizer, epochs, new TrainingHistory(), new CpuTrainingBackend(network), hasValidation);

    /// <summary>An epoch's figures with every metric set from <paramref name="value"/>, for scripted sequences.</summary>
    public static EpochResult Epoch(int epoch, double value, float learningRate = 0.1f) =>
        new(epoch, value, value, value, value, TimeSpan.FromSeconds(1), 40, learningRate);

    /// <summary>Asserts each rate within 1e-6 relative of the expected one (the schedules compute in double and round to float).</summary>
    public static void AssertRates(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(actual[i] - expected[i]) <= 1e-6 * expected[i],
                $"epoch {i + 1}: rate {actual[i]:R}, expected {expected[i]:R}; all rates: {string.Join(", ", actual.Select(rate => rate.ToString("R")))}");
        }
    }
}

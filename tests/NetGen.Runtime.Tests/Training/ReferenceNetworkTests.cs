using System;
using NetGen.Optimizers;
using NetGen.Tests.Gradients;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

public sealed class ReferenceNetworkTests
{
    [Fact]
    public void The_784_16_16_10_network_has_13002_parameters()
    {
        Assert.Equal(13_002, DigitsSigmoidNet.ParameterCount);
        Assert.Equal(13_002, new DigitsSigmoidNet().Parameters.Length);
        Assert.EndsWith("Total parameters: 13,002", DigitsSigmoidNet.Summary, StringComparison.Ordinal);
        Assert.Contains("\nDense1  Dense  16            Sigmoid         12,560\n", DigitsSigmoidNet.Summary, StringComparison.Ordinal);
        Assert.Equal(12_544, DigitsSigmoidNet.Layers.Dense1.Weight.Length);
        Assert.Equal([16, 784], DigitsSigmoidNet.Layers.Dense1.Weight.Shape);
    }

    [Fact]
    public void LeNet5_plans_its_layer_buffers_at_build_time()
    {
        // z, a and δ per convolution and hidden dense layer; a, δ and the winners per max pool; a (= z) and δ for the linear logits.
        const long floats = (3 * 6 * 28 * 28) + (3 * 6 * 14 * 14) + (3 * 16 * 10 * 10) + (3 * 16 * 5 * 5) + (3 * 120) + (3 * 84) + (2 * 10);
        Assert.Equal(4 * floats, LeNet5.BufferBytesPerSample);
        Assert.Equal(4L * 3 * 6 * 28 * 28, LeNet5.Layers.Conv1.BufferBytesPerSample);
        Assert.Equal(0, LeNet5.Layers.Flatten1.BufferBytesPerSample);
    }

    [Fact]
    public void Xor_is_learned_within_the_epoch_budget_for_at_least_9_of_10_seeds()
    {
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1];
        float[] targets = [0, 1, 1, 0];
        var outputs = new float[4];
        var learned = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            var network = new XorNet();
            network.Initialize(seed);
            var optimizer = new Adam(learningRate: 0.05f);
            for (var epoch = 0; epoch < 1_000; epoch++)
            {
                network.TrainStep(inputs, targets, optimizer);
            }

            network.Forward(inputs, outputs);
            var allCorrect = true;
            for (var i = 0; i < 4; i++)
            {
                allCorrect &= (outputs[i] > 0.5f) == (targets[i] > 0.5f);
            }

            learned += allCorrect ? 1 : 0;
        }

        Assert.True(learned >= 9, $"XOR learned for {learned} of 10 seeds");
    }

    [Fact]
    public void The_numpy_two_layer_network_cuts_its_loss_tenfold_in_500_sgd_steps()
    {
        // 64 samples of 1000 features → 100 (ReLU) → 10, squared error summed over the batch, SGD η = 1e-6.
        var random = new SeededRandom(2024);
        var inputs = new float[64 * 1000];
        var targets = new float[64 * 10];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)random.NextGaussian();
        }

        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = (float)random.NextGaussian();
        }

        var network = new TwoLayerNumPyNet();
        network.Initialize(7);
        var optimizer = new Sgd(learningRate: 1e-6f);
        var first = network.TrainStep(inputs, targets, optimizer);
        var last = first;
        for (var step = 1; step < 500; step++)
        {
            last = network.TrainStep(inputs, targets, optimizer);
        }

        Assert.True(float.IsFinite(last), $"loss became {last}");
        Assert.True(last * 10 <= first, $"loss went from {first} to {last}");
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var data = RandomClassification(samples: 300, seed: 5);
        var first = TrainMlp(data, initSeed: 3, shuffleSeed: 4);
        var second = TrainMlp(data, initSeed: 3, shuffleSeed: 4);
        var otherShuffle = TrainMlp(data, initSeed: 3, shuffleSeed: 9);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherShuffle);
    }

    private static float[] TrainMlp(Dataset data, int initSeed, int shuffleSeed)
    {
        var network = new MnistMlp();
        network.Initialize(initSeed);
        network.Fit(data, new TrainingOptions { Epochs = 2, BatchSize = 64, Seed = shuffleSeed, Optimizer = new Adam() });
        return network.Parameters.ToArray();
    }

    /// <summary>Random images labelled by a fixed random linear "teacher": learnable, unlike random labels.</summary>
    internal static Dataset TeacherClassification(int samples, int seed)
    {
        var inputs = GradientChecker.RandomArray(samples * MnistMlp.InputSize, seed, -1f, 1f);
        var teacher = GradientChecker.RandomArray(MnistMlp.OutputSize * MnistMlp.InputSize, seed: 999, -1f, 1f);
        var labels = new int[samples];
        var scores = new float[MnistMlp.OutputSize];
        for (var i = 0; i < samples; i++)
        {
            var image = inputs.AsSpan(i * MnistMlp.InputSize, MnistMlp.InputSize);
            for (var c = 0; c < scores.Length; c++)
            {
                var weights = teacher.AsSpan(c * MnistMlp.InputSize, MnistMlp.InputSize);
                scores[c] = 0f;
                for (var j = 0; j < image.Length; j++)
                {
                    scores[c] += image[j] * weights[j];
                }
            }

            labels[i] = Metrics.ArgMax(scores);
        }

        return Dataset.FromClassLabels(inputs, MnistMlp.InputSize, labels, MnistMlp.OutputSize);
    }

    internal static Dataset RandomClassification(int samples, int seed)
    {
        var inputs = GradientChecker.RandomArray(samples * MnistMlp.InputSize, seed, 0f, 1f);
        var random = new SeededRandom(seed + 1);
        var labels = new int[samples];
        for (var i = 0; i < samples; i++)
        {
            labels[i] = random.NextInt(MnistMlp.OutputSize);
        }

        return Dataset.FromClassLabels(inputs, MnistMlp.InputSize, labels, MnistMlp.OutputSize);
    }
}

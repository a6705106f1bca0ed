using System;
using System.Linq;
using NetGen.Internal;
using NetGen.Tests.Gradients;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

public sealed class DropConnectTests
{
    private const int Count = 40_000;

    [Fact]
    public void Inference_multiplies_by_the_weights_unmasked()
    {
        var network = new DropConnectNet();
        var twin = new DropConnectFreeNet();
        network.Parameters.CopyTo(twin.Parameters);
        var inputs = GradientChecker.RandomArray(5 * DropConnectNet.InputSize, seed: 1);
        var outputs = new float[5 * DropConnectNet.OutputSize];
        var expected = new float[outputs.Length];

        network.Forward(inputs, outputs);
        twin.Forward(inputs, expected);

        Assert.Equal(expected, outputs);
    }

    [Fact]
    public void Training_keeps_one_minus_p_of_the_weights_and_scales_them()
    {
        var weight = GradientChecker.RandomArray(Count, seed: 2, low: 0.5f, high: 2f);
        var masked = new float[Count];

        var used = DropConnectKernels.Weights(weight, masked, new DropoutMask(0.3f, 1f / 0.7f, Seed: 9, Step: 4, Stream: 1), training: true);

        Assert.True(used == masked.AsSpan(), "a training step multiplies by the masked weights");
        var dropped = masked.Count(value => value == 0f);
        Assert.InRange(dropped / (double)Count, 0.3 - 0.012, 0.3 + 0.012); // 5σ of a binomial fraction at n = 40,000
        Assert.All(Enumerable.Range(0, Count).Where(i => masked[i] != 0f), i => Assert.Equal(weight[i] * (1f / 0.7f), masked[i]));
    }

    [Fact]
    public void Inference_leaves_the_scratch_buffer_alone_and_uses_the_weights_themselves()
    {
        var weight = GradientChecker.RandomArray(64, seed: 3);
        var masked = new float[64];

        var used = DropConnectKernels.Weights(weight, masked, new DropoutMask(0.5f, 2f, Seed: 1, Step: 1, Stream: 0), training: false);

        Assert.True(used == weight.AsSpan());
        Assert.All(masked, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void One_mask_serves_every_sample_of_the_batch()
    {
        var network = new DropConnectNet();
        var sample = GradientChecker.RandomArray(DropConnectNet.InputSize, seed: 4);
        var inputs = Enumerable.Repeat(sample, 6).SelectMany(values => values).ToArray();
        var targets = new float[6 * DropConnectNet.OutputSize];
        var inference = new float[targets.Length];

        network.ComputeGradients(inputs, targets);
        var training = network.LastOutputs.ToArray();
        network.Forward(inputs, inference);

        var first = training.AsSpan(0, DropConnectNet.OutputSize).ToArray();
        Assert.All(training.Chunk(DropConnectNet.OutputSize), row => Assert.Equal(first, row));
        Assert.NotEqual(inference, training);
    }

    [Fact]
    public void Dropped_weights_get_no_gradient_and_kept_ones_the_scaled_product()
    {
        var network = new DropConnectNet();
        var twin = new DropConnectFreeNet();
        GradientChecker.Randomize(network, seed: 5);
        network.Parameters.CopyTo(twin.Parameters);
        var inputs = GradientChecker.RandomArray(4 * DropConnectNet.InputSize, seed: 6);
        var targets = GradientChecker.RandomArray(4 * DropConnectNet.OutputSize, seed: 7);

        network.ComputeGradients(inputs, targets);

        // The output layer is the network's second layer (random stream 1); its input, the hidden layer's output, is the twin's
        // once the twin's hidden weights are masked the same way (stream 0), so its δᵀ·x is what DropConnect then masks.
        var step = (ulong)network.TrainingSteps;
        var hiddenMask = new DropoutMask(0.5f, 2f, (uint)network.Seed, step, Stream: 0);
        var outputMask = new DropoutMask(0.25f, 1f / 0.75f, (uint)network.Seed, step, Stream: 1);
        var masked = new float[DropConnectFreeNet.Layers.Hidden.Weight.Length];
        DropConnectKernels.Weights(DropConnectFreeNet.Layers.Hidden.Weight.Slice((ReadOnlySpan<float>)twin.Parameters), masked, hiddenMask, training: true)
            .CopyTo(DropConnectFreeNet.Layers.Hidden.Weight.Slice(twin.Parameters));
        var maskedOutput = new float[DropConnectFreeNet.Layers.Output.Weight.Length];
        DropConnectKernels.Weights(DropConnectFreeNet.Layers.Output.Weight.Slice((ReadOnlySpan<float>)twin.Parameters), maskedOutput, outputMask, training: true)
            .CopyTo(DropConnectFreeNet.Layers.Output.Weight.Slice(twin.Parameters));
        twin.ComputeGradients(inputs, targets);
        var expected = DropConnectFreeNet.Layers.Output.Weight.Slice(twin.Gradients).ToArray();
        DropConnectKernels.WeightGradient(expected, outputMask);

        Assert.Equal(expected, DropConnectNet.Layers.Output.Weight.Slice(network.Gradients).ToArray());
        Assert.All(Enumerable.Range(0, expected.Length).Where(i => maskedOutput[i] == 0f),
            i => Assert.Equal(0f, DropConnectNet.Layers.Output.Weight.Slice(network.Gradients)[i]));
        Assert.Contains(maskedOutput, value => value == 0f);
    }

    [Fact]
    public void A_training_step_replays_when_the_step_count_is_set_back_and_the_next_draws_another_mask()
    {
        var network = new DropConnectNet();
        var inputs = GradientChecker.RandomArray(8 * DropConnectNet.InputSize, seed: 8);
        var targets = GradientChecker.RandomArray(8 * DropConnectNet.OutputSize, seed: 9);

        var first = network.ComputeGradients(inputs, targets);
        var gradients = network.Gradients.ToArray();
        var second = network.ComputeGradients(inputs, targets);
        network.TrainingSteps = 0;
        var replayed = network.ComputeGradients(inputs, targets);

        Assert.NotEqual(first, second);
        Assert.Equal(first, replayed);
        Assert.Equal(gradients, network.Gradients.ToArray());
    }
}

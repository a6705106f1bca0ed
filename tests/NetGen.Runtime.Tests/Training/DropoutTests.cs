using System;
using System.Linq;
using NetGen.Internal;
using NetGen.Tests.Gradients;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

public sealed class DropoutTests
{
    private const int Count = 40_000;

    [Fact]
    public void Inference_passes_every_value_through_unchanged()
    {
        var network = new DropoutNet();
        var twin = new DropoutFreeNet();
        network.Parameters.CopyTo(twin.Parameters);
        var inputs = GradientChecker.RandomArray(5 * DropoutNet.InputSize, seed: 1);
        var outputs = new float[5 * DropoutNet.OutputSize];
        var expected = new float[outputs.Length];

        network.Forward(inputs, outputs);
        twin.Forward(inputs, expected);

        Assert.Equal(expected, outputs);
    }

    [Fact]
    public void Training_drops_the_rate_and_scales_what_it_keeps()
    {
        var x = GradientChecker.RandomArray(Count, seed: 2, low: 0.5f, high: 2f);
        var a = new float[Count];
        var mask = new DropoutMask(0.3f, 1f / 0.7f, Seed: 9, Step: 4, Stream: 1);

        DropoutKernels.Forward(x, a, Count, mask, training: true);

        var dropped = a.Count(value => value == 0f);
        Assert.InRange(dropped / (double)Count, 0.3 - 0.012, 0.3 + 0.012); // 5σ of a binomial fraction at n = 40,000
        Assert.All(Enumerable.Range(0, Count).Where(i => a[i] != 0f), i => Assert.Equal(x[i] * (1f / 0.7f), a[i]));
        Assert.InRange(a.Average() / x.Average(), 0.98, 1.02); // inverted dropout keeps the expectation
    }

    [Fact]
    public void The_backward_pass_draws_the_mask_of_its_step_again()
    {
        var x = GradientChecker.RandomArray(Count, seed: 3, low: 0.5f, high: 2f);
        var a = new float[Count];
        var delta = GradientChecker.RandomArray(Count, seed: 4, low: 0.5f, high: 2f);
        var inputDelta = new float[Count];
        var mask = new DropoutMask(0.5f, 2f, Seed: 1, Step: 7, Stream: 2);

        DropoutKernels.Forward(x, a, Count, mask, training: true);
        DropoutKernels.InputGradient(delta, inputDelta, Count, mask);

        Assert.All(Enumerable.Range(0, Count), i => Assert.Equal(a[i] == 0f ? 0f : delta[i] * 2f, inputDelta[i]));
    }

    [Fact]
    public void Masks_differ_by_step_seed_and_layer_and_repeat_for_the_same_ones()
    {
        var x = Enumerable.Repeat(1f, 256).ToArray();
        bool[] Kept(uint seed, ulong step, int stream)
        {
            var a = new float[x.Length];
            DropoutKernels.Forward(x, a, x.Length, new DropoutMask(0.5f, 2f, seed, step, stream), training: true);
            return a.Select(value => value != 0f).ToArray();
        }

        var mask = Kept(1, 1, 0);
        Assert.Equal(mask, Kept(1, 1, 0));
        Assert.NotEqual(mask, Kept(1, 2, 0));
        Assert.NotEqual(mask, Kept(2, 1, 0));
        Assert.NotEqual(mask, Kept(1, 1, 1));
    }

    [Fact]
    public void A_training_step_replays_when_the_step_count_is_set_back()
    {
        var network = new DropoutNet();
        var inputs = GradientChecker.RandomArray(8 * DropoutNet.InputSize, seed: 5);
        var targets = GradientChecker.RandomArray(8 * DropoutNet.OutputSize, seed: 6);

        var first = network.ComputeGradients(inputs, targets);
        var gradients = network.Gradients.ToArray();
        var second = network.ComputeGradients(inputs, targets);
        network.TrainingSteps = 0;
        var replayed = network.ComputeGradients(inputs, targets);

        Assert.NotEqual(first, second);
        Assert.Equal(first, replayed);
        Assert.Equal(gradients, network.Gradients.ToArray());
    }

    [Theory]
    [InlineData(0.3f, 1001)]
    [InlineData(0.5f, 64)]
    [InlineData(0f, 37)]
    [InlineData(0.999f, 530)]
    public void The_kernel_drops_exactly_what_each_elements_uniform_draw_says(float rate, int count)
    {
        var mask = new DropoutMask(rate, 1f / (1f - rate), Seed: 11, Step: 0x1_0000_0003, Stream: 4);
        var source = Enumerable.Range(0, count).Select(i => (i % 13) - 6.5f).ToArray();
        var destination = new float[count];

        DropoutKernels.Forward(source, destination, count, mask, training: true);

        for (var i = 0; i < count; i++)
        {
            var dropped = Philox.Uniform(mask.Seed, mask.Step, (uint)mask.Stream, (uint)i) < rate;
            Assert.Equal(dropped ? 0f : source[i] * mask.Scale, destination[i]);
        }
    }
}

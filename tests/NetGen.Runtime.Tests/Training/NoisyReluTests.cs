using System;
using System.Linq;
using NetGen.Internal;
using NetGen.Tests.Gradients;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

public sealed class NoisyReluTests
{
    private const int Samples = 40_000;

    [Fact]
    public void Inference_is_relu()
    {
        var network = new NoisyReluNet();
        var twin = new NoiselessReluNet();
        GradientChecker.Randomize(network, seed: 1);
        network.Parameters.CopyTo(twin.Parameters);
        var inputs = GradientChecker.RandomArray(64 * NoisyReluNet.InputSize, seed: 2, -2f, 2f);
        var targets = GradientChecker.RandomArray(64 * NoisyReluNet.OutputSize, seed: 3);
        var outputs = new float[64 * NoisyReluNet.OutputSize];
        var expected = new float[outputs.Length];

        network.Forward(inputs, outputs);
        twin.Forward(inputs, expected);

        Assert.Equal(expected, outputs);
        Assert.Equal(twin.ComputeLoss(inputs, targets), network.ComputeLoss(inputs, targets));
        Assert.Equal(0, network.TrainingSteps);
    }

    [Fact]
    public void Training_differs_from_relu()
    {
        var network = new NoisyReluNet();
        var twin = new NoiselessReluNet();
        GradientChecker.Randomize(network, seed: 1);
        network.Parameters.CopyTo(twin.Parameters);
        var inputs = GradientChecker.RandomArray(64 * NoisyReluNet.InputSize, seed: 2, -2f, 2f);
        var targets = GradientChecker.RandomArray(64 * NoisyReluNet.OutputSize, seed: 3);

        network.ComputeGradients(inputs, targets);
        twin.ComputeGradients(inputs, targets);

        var differing = Enumerable.Range(0, 64 * NoisyReluNet.OutputSize).Count(i => network.LastOutputs[i] != twin.LastOutputs[i]);
        Assert.True(differing > 60, $"only {differing} of {64 * NoisyReluNet.OutputSize} training outputs differ from ReLU's");
    }

    [Fact]
    public void Each_value_gets_the_normal_draw_of_its_element_in_the_layers_stream_at_the_step()
    {
        var network = Probe();
        var inputs = GradientChecker.RandomArray(1000, seed: 4, -3f, 3f);

        network.ComputeGradients(inputs, new float[inputs.Length]);

        // A new network has seed 0; the first training step is step 1; "Noisy" is layer 0 (its stream); sample i is element i.
        var activation = default(NoisyReluActivation);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(activation.ApplyWithNoise(inputs[i], Philox.Normal(0, 1, 0, (uint)i)), network.LastOutputs[i]);
        }
    }

    [Fact]
    public void Where_no_value_can_be_cut_off_the_noise_has_mean_zero_and_variance_sigmoid_z()
    {
        // |ε| ≤ 5.77 and 6 / √σ(6) ≈ 6.007, so z + √σ(z)·ε > 0 for every draw: a − z is the noise itself.
        const float z = 6f;
        var noise = TrainingOutputs(z).Select(a => (double)a - z).ToArray();
        var variance = SigmoidActivation.Sigmoid(z);

        var mean = noise.Average();
        var sampleVariance = noise.Sum(value => (value - mean) * (value - mean)) / (Samples - 1);

        // Five standard errors: σ/√n for the mean; σ²·√(2 / (n − 1)) for the sample variance of normal draws.
        Assert.InRange(mean, -5 * Math.Sqrt(variance / Samples), 5 * Math.Sqrt(variance / Samples));
        var tolerance = 5 * variance * Math.Sqrt(2.0 / (Samples - 1));
        Assert.InRange(sampleVariance, variance - tolerance, variance + tolerance);
    }

    [Fact]
    public void At_zero_half_the_values_are_cut_off_and_the_mean_is_that_of_variance_one_half()
    {
        // a = max(0, √½·ε): P(a = 0) = ½ and E[a] = √½·φ(0) = 1 / (2√π) ≈ 0.2821 (a standard deviation of √½ would give 0.1995).
        var outputs = TrainingOutputs(0f);
        var expectedMean = 1 / (2 * Math.Sqrt(Math.PI));
        var standardDeviation = Math.Sqrt(0.25 - (expectedMean * expectedMean)); // E[a²] = ½·½

        var zeros = outputs.Count(a => a == 0f) / (double)Samples;
        var mean = outputs.Average(a => (double)a);

        Assert.InRange(zeros, 0.5 - (5 * 0.5 / Math.Sqrt(Samples)), 0.5 + (5 * 0.5 / Math.Sqrt(Samples)));
        Assert.InRange(mean, expectedMean - (5 * standardDeviation / Math.Sqrt(Samples)), expectedMean + (5 * standardDeviation / Math.Sqrt(Samples)));
    }

    [Fact]
    public void Far_below_zero_the_noise_never_lifts_a_value_and_training_is_relu()
    {
        // √σ(−6)·5.77 ≈ 0.29: z + noise stays below 0.
        Assert.All(TrainingOutputs(-6f), a => Assert.Equal(0f, a));
    }

    [Fact]
    public void The_same_seed_and_step_give_the_same_noise_and_another_step_or_seed_other_noise()
    {
        var network = Probe();
        var inputs = Enumerable.Repeat(1f, 256).ToArray();
        var targets = new float[inputs.Length];
        float[] Outputs()
        {
            network.ComputeGradients(inputs, targets);
            return network.LastOutputs.ToArray();
        }

        var first = Outputs();
        var gradients = network.Gradients.ToArray();
        var second = Outputs();
        network.TrainingSteps = 0;
        var replayed = Outputs();
        var replayedGradients = network.Gradients.ToArray();
        var parameters = network.Parameters.ToArray();
        network.Initialize(seed: 5);
        parameters.CopyTo(network.Parameters);
        network.TrainingSteps = 0;
        var reseeded = Outputs();

        Assert.NotEqual(first, second);
        Assert.Equal(first, replayed);
        Assert.Equal(gradients, replayedGradients);
        Assert.NotEqual(first, reseeded);
    }

    [Fact]
    public void The_derivative_read_from_z_and_a_is_the_derivative_with_the_draw()
    {
        var activation = default(NoisyReluActivation);
        var zs = GradientChecker.RandomArray(10_000, seed: 6, -4f, 4f);
        for (var i = 0; i < zs.Length; i++)
        {
            var z = zs[i];
            var noise = Philox.Normal(3, 2, 1, (uint)i);
            var a = activation.ApplyWithNoise(z, noise);
            var sigmoid = (double)SigmoidActivation.Sigmoid(z);
            var expected = z + (Math.Sqrt(sigmoid) * noise) > 0 ? 1 + (noise * Math.Sqrt(sigmoid) * (1 - sigmoid) / 2) : 0;
            Assert.True(Math.Abs(activation.Derivative(z, a) - expected) <= 1e-6, $"z {z:R}, ε {noise:R}: {activation.Derivative(z, a):R} against {expected:R}");
        }
    }

    /// <summary>The probe's training outputs for <see cref="Samples"/> samples of input z: f(z) with each sample's own noise.</summary>
    private static float[] TrainingOutputs(float z)
    {
        var network = Probe();
        var inputs = Enumerable.Repeat(z, Samples).ToArray();
        network.ComputeGradients(inputs, new float[Samples]);
        return network.LastOutputs.ToArray();
    }

    /// <summary>z = x in its one noisy unit, and the output is that unit's a.</summary>
    private static NoisyReluProbeNet Probe()
    {
        var network = new NoisyReluProbeNet();
        NoisyReluProbeNet.Layers.Noisy.Weight.Slice(network.Parameters)[0] = 1f;
        NoisyReluProbeNet.Layers.Noisy.Bias.Slice(network.Parameters)[0] = 0f;
        NoisyReluProbeNet.Layers.Readout.Weight.Slice(network.Parameters)[0] = 1f;
        NoisyReluProbeNet.Layers.Readout.Bias.Slice(network.Parameters)[0] = 0f;
        return network;
    }
}

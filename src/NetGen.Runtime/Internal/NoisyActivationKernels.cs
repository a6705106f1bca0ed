using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>One layer's random stream at one training step: the network's seed, the step and the layer's position.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct NoiseStream(uint Seed, ulong Step, int Stream);

/// <summary>
/// The training form of a noisy activation over a batch of values, sample after sample: value i gets the standard normal
/// draw <see cref="Philox.Normal"/> gives element i of the layer's stream at the step, as dropout's masks are drawn. The
/// layer's forward pass has already written the inference form; the backward pass needs only z and a.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NoisyActivationKernels
{
    /// <summary>In training, a = f(z, ε) for the first <paramref name="count"/> values; in inference, nothing (a = f(z) already).</summary>
    public static void Forward<TActivation>(
        ReadOnlySpan<float> preActivation, Span<float> output, int count, NoiseStream noise, bool training, TActivation activation)
        where TActivation : struct, INoisyActivation
    {
        if (!training)
        {
            return;
        }

        var z = preActivation[..count];
        var a = output[..count];
        var key = (noise.Seed, (uint)noise.Stream);

        // Each Philox call gives the four words of four consecutive elements, two Box–Muller pairs.
        for (var first = 0; first < count; first += 4)
        {
            var (w0, w1, w2, w3) = Philox.Generate(((uint)first >> 2, 0u, (uint)noise.Step, (uint)(noise.Step >> 32)), key);
            Apply(z, a, first, w0, w1, sine: false, activation);
            Apply(z, a, first + 1, w0, w1, sine: true, activation);
            Apply(z, a, first + 2, w2, w3, sine: false, activation);
            Apply(z, a, first + 3, w2, w3, sine: true, activation);
        }
    }

    private static void Apply<TActivation>(ReadOnlySpan<float> z, Span<float> a, int index, uint radiusWord, uint angleWord, bool sine, TActivation activation)
        where TActivation : struct, INoisyActivation
    {
        if (index < z.Length)
        {
            a[index] = activation.ApplyWithNoise(z[index], Philox.ToNormal(radiusWord, angleWord, sine));
        }
    }
}

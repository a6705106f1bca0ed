using System;
using System.ComponentModel;
using System.Runtime.Intrinsics;

namespace NetGen.Internal;

/// <summary>
/// One layer's mask at one training step, over a dropout layer's values or a DropConnect layer's weights: element i is
/// dropped when <see cref="Philox.Uniform"/> draws below <see cref="Rate"/> for element i of stream <see cref="Stream"/>
/// at step <see cref="Step"/> under <see cref="Seed"/>; kept elements are multiplied by <see cref="Scale"/>, 1 / (1 − rate).
/// The generated CUDA draws the same mask.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct DropoutMask(float Rate, float Scale, uint Seed, ulong Step, int Stream);

/// <summary>Inverted dropout over a batch of values, sample after sample: the mask is drawn again in the backward pass rather than kept.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DropoutKernels
{
    /// <summary>a = x in inference; in training a = 0 where the mask drops, x·scale elsewhere. The first <paramref name="count"/> values.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> a, int count, DropoutMask mask, bool training)
    {
        if (!training)
        {
            x[..count].CopyTo(a);
            return;
        }

        Apply(x, a, count, mask);
    }

    /// <summary>δ of the layer below: δ·scale where the value was kept, 0 where it was dropped.</summary>
    public static void InputGradient(ReadOnlySpan<float> delta, Span<float> inputDelta, int count, DropoutMask mask) => Apply(delta, inputDelta, count, mask);

    /// <summary>destination[i] = 0 where the mask drops element i, source[i]·scale elsewhere; the two may be the same span.</summary>
    internal static void Apply(ReadOnlySpan<float> source, Span<float> destination, int count, DropoutMask mask)
    {
        source = source[..count];
        destination = destination[..count];
        var key = (mask.Seed, (uint)mask.Stream);
        var first = 0;
        if (PhiloxBlocks.IsSupported)
        {
            // A word drops its element when its top 24 bits, as a float in [0, 1), are below the rate: as integers, when
            // they are below ⌈rate·2²⁴⌉ (exact: the rate is a float and the bits an integer below 2²⁴).
            var threshold = Vector256.Create((int)Math.Ceiling(mask.Rate * 16777216.0));
            var scale = Vector256.Create(mask.Scale);
            for (; first <= count - PhiloxBlocks.Elements; first += PhiloxBlocks.Elements)
            {
                var (lowWords, highWords) = PhiloxBlocks.Generate((uint)first >> 2, mask.Step, key);
                Keep(source.Slice(first, 8), destination.Slice(first, 8), lowWords, threshold, scale);
                Keep(source.Slice(first + 8, 8), destination.Slice(first + 8, 8), highWords, threshold, scale);
            }
        }

        // Each Philox call gives the four words of four consecutive elements.
        for (; first < count; first += 4)
        {
            var (w0, w1, w2, w3) = Philox.Generate(((uint)first >> 2, 0u, (uint)mask.Step, (uint)(mask.Step >> 32)), key);
            Keep(source, destination, first, w0, mask);
            Keep(source, destination, first + 1, w1, mask);
            Keep(source, destination, first + 2, w2, mask);
            Keep(source, destination, first + 3, w3, mask);
        }
    }

    private static void Keep(ReadOnlySpan<float> source, Span<float> destination, Vector256<uint> words, Vector256<int> threshold, Vector256<float> scale)
    {
        var kept = Vector256.GreaterThanOrEqual((words >>> 8).AsInt32(), threshold).AsSingle();
        (Vector256.Create(source) * scale & kept).CopyTo(destination);
    }

    private static void Keep(ReadOnlySpan<float> source, Span<float> destination, int index, uint word, DropoutMask mask)
    {
        if (index < source.Length)
        {
            destination[index] = Philox.ToUniform(word) < mask.Rate ? 0f : source[index] * mask.Scale;
        }
    }
}

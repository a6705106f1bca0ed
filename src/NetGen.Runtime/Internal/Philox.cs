using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NetGen.Internal;

/// <summary>
/// Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011), the
/// counter-based generator of cuRAND and PyTorch. A draw is a pure function of a counter and a key, with no state
/// carried from one to the next, so the C# passes and the generated CUDA (<c>ng_philox</c> and <c>ng_uniform</c> in
/// the prelude, the same operations) give stochastic layers the same random numbers bit for bit.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Philox
{
    private const uint Multiplier0 = 0xD2511F53;
    private const uint Multiplier1 = 0xCD9E8D57;
    private const uint KeyStep0 = 0x9E3779B9;
    private const uint KeyStep1 = 0xBB67AE85;

    /// <summary>The four words of Philox4x32-10 for <paramref name="counter"/> and <paramref name="key"/>.</summary>
    public static (uint X, uint Y, uint Z, uint W) Generate((uint X, uint Y, uint Z, uint W) counter, (uint X, uint Y) key)
    {
        var (c0, c1, c2, c3) = counter;
        var (k0, k1) = key;
        for (var round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += KeyStep0;
                k1 += KeyStep1;
            }

            var product0 = (ulong)Multiplier0 * c0;
            var product1 = (ulong)Multiplier1 * c2;
            (c0, c1, c2, c3) = ((uint)(product1 >> 32) ^ c1 ^ k0, (uint)product1, (uint)(product0 >> 32) ^ c3 ^ k1, (uint)product0);
        }

        return (c0, c1, c2, c3);
    }

    /// <summary>
    /// A uniform float in [0, 1): element <paramref name="index"/> of random stream <paramref name="stream"/> (a layer) at
    /// training step <paramref name="step"/> of a network seeded with <paramref name="seed"/>. Each Philox call gives four
    /// consecutive elements; the float is the word's top 24 bits × 2⁻²⁴, exact in float.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Uniform(uint seed, ulong step, uint stream, uint index) =>
        ToUniform(Word(Generate((index >> 2, 0u, (uint)step, (uint)(step >> 32)), (seed, stream)), index & 3));

    /// <summary>The float in [0, 1) a random word stands for: its top 24 bits × 2⁻²⁴.</summary>
    public static float ToUniform(uint word) => (word >> 8) * (1f / 16777216f);

    /// <summary>
    /// A standard normal float: element <paramref name="index"/> of random stream <paramref name="stream"/> at training step
    /// <paramref name="step"/> of a network seeded with <paramref name="seed"/>, counted and keyed as <see cref="Uniform"/>. Each
    /// Philox call gives four consecutive elements: words 0 and 1 make elements 0 and 1, words 2 and 3 elements 2 and 3 (see
    /// <see cref="ToNormal"/>).
    /// </summary>
    public static float Normal(uint seed, ulong step, uint stream, uint index)
    {
        var words = Generate((index >> 2, 0u, (uint)step, (uint)(step >> 32)), (seed, stream));
        var pair = index & 2;
        return ToNormal(Word(words, pair), Word(words, pair + 1), sine: (index & 1) != 0);
    }

    /// <summary>
    /// The Box–Muller transform of two random words: u₁ = (top 24 bits + 1)·2⁻²⁴ in (0, 1], u₂ = top 24 bits·2⁻²⁴ in [0, 1),
    /// r = √(−2 ln u₁), θ = 2π·u₂; r·cos θ for the pair's first element and r·sin θ for its second, two independent N(0, 1)
    /// draws. Computed in double and rounded to float once, as the CUDA prelude's <c>ng_normal</c> does, so that the two agree
    /// unless libm and CUDA's double log, sin and cos straddle a float's rounding boundary. |result| ≤ √(48 ln 2) ≈ 5.77.
    /// </summary>
    public static float ToNormal(uint radiusWord, uint angleWord, bool sine)
    {
        var radius = Math.Sqrt(-2.0 * Math.Log(((radiusWord >> 8) + 1u) * (1.0 / 16777216.0)));
        var angle = 2.0 * Math.PI * ((angleWord >> 8) * (1.0 / 16777216.0));
        return (float)(radius * (sine ? Math.Sin(angle) : Math.Cos(angle)));
    }

    private static uint Word((uint X, uint Y, uint Z, uint W) words, uint which) => which switch
    {
        0 => words.X,
        1 => words.Y,
        2 => words.Z,
        _ => words.W,
    };
}

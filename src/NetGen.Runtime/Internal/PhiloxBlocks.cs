using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Internal;

/// <summary>
/// <see cref="Philox.Generate"/> for four consecutive counters at once: the words of 16 consecutive elements of a stream
/// (counter (block, 0, step low, step high) for blocks b … b + 3), four Philox instances in the 64-bit lanes of AVX2
/// vectors, whose unsigned 32 × 32 → 64-bit multiply is one instruction. The same words as the scalar generator, bit for bit.
/// </summary>
internal static class PhiloxBlocks
{
    /// <summary>Elements per call: four blocks of four words.</summary>
    public const int Elements = 16;

    private const ulong LowWord = 0xFFFF_FFFF;

    /// <summary>Whether <see cref="Generate(uint, ulong, ValueTuple{uint, uint})"/> runs here (it needs AVX2).</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// The words of elements 4·<paramref name="firstBlock"/> … 4·<paramref name="firstBlock"/> + 15 in element order: the
    /// first eight in <c>Low</c>, the next eight in <c>High</c>. Needs <see cref="IsSupported"/>.
    /// </summary>
    public static (Vector256<uint> Low, Vector256<uint> High) Generate(uint firstBlock, ulong step, (uint Seed, uint Stream) key)
    {
        // Lane j of c0 … c3 is block j's counter, then its words.
        var c0 = Vector256.Create(firstBlock, firstBlock + 1UL, firstBlock + 2UL, firstBlock + 3UL);
        var c1 = Vector256<ulong>.Zero;
        var c2 = Vector256.Create(step & LowWord);
        var c3 = Vector256.Create(step >> 32);
        var multiplier0 = Vector256.Create(0xD2511F53UL).AsUInt32();
        var multiplier1 = Vector256.Create(0xCD9E8D57UL).AsUInt32();
        var low = Vector256.Create(LowWord);
        var (k0, k1) = key;
        for (var round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += 0x9E3779B9;
                k1 += 0xBB67AE85;
            }

            var product0 = Avx2.Multiply(c0.AsUInt32(), multiplier0);
            var product1 = Avx2.Multiply(c2.AsUInt32(), multiplier1);
            c0 = (product1 >>> 32) ^ c1 ^ Vector256.Create((ulong)k0);
            c1 = product1 & low;
            c2 = (product0 >>> 32) ^ c3 ^ Vector256.Create((ulong)k1);
            c3 = product0 & low;
        }

        // Transpose the 4 × 4 words so that each block's four words are consecutive, then keep their low halves.
        var t0 = Avx2.UnpackLow(c0, c1);
        var t1 = Avx2.UnpackHigh(c0, c1);
        var t2 = Avx2.UnpackLow(c2, c3);
        var t3 = Avx2.UnpackHigh(c2, c3);
        var block0 = Avx2.Permute2x128(t0, t2, 0x20);
        var block1 = Avx2.Permute2x128(t1, t3, 0x20);
        var block2 = Avx2.Permute2x128(t0, t2, 0x31);
        var block3 = Avx2.Permute2x128(t1, t3, 0x31);
        return (Vector256.Narrow(block0, block1), Vector256.Narrow(block2, block3));
    }

    /// <summary>As <see cref="Generate(uint, ulong, ValueTuple{uint, uint})"/>, into <paramref name="words"/>; scalar where AVX2 is missing.</summary>
    public static void Generate(uint firstBlock, ulong step, (uint Seed, uint Stream) key, Span<uint> words)
    {
        if (IsSupported)
        {
            var (lowWords, highWords) = Generate(firstBlock, step, key);
            lowWords.CopyTo(words);
            highWords.CopyTo(words[8..]);
            return;
        }

        for (var block = 0u; block < 4; block++)
        {
            var (w0, w1, w2, w3) = Philox.Generate((firstBlock + block, 0u, (uint)step, (uint)(step >> 32)), key);
            var at = (int)(4 * block);
            (words[at], words[at + 1], words[at + 2], words[at + 3]) = (w0, w1, w2, w3);
        }
    }
}

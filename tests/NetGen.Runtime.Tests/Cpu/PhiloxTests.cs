using System;
using System.Linq;
using NetGen.Internal;

namespace NetGen.Tests.Cpu;

public sealed class PhiloxTests
{
    // Random123's tests/kat_vectors, the three "philox4x32 10" lines: counter, key, the four words expected.
    public static TheoryData<uint[], uint[], uint[]> KnownAnswers => new()
    {
        { [0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8] },
        { [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd] },
        { [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1] },
    };

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void Philox4x32_10_gives_Random123s_known_answers(uint[] counter, uint[] key, uint[] expected)
    {
        var (x, y, z, w) = Philox.Generate((counter[0], counter[1], counter[2], counter[3]), (key[0], key[1]));
        Assert.Equal(expected, new[] { x, y, z, w });
    }

    [Fact]
    public void Uniform_draws_are_in_the_unit_interval_with_the_expected_mean_and_differ_by_seed_step_and_stream()
    {
        const int count = 100_000;
        var draws = Enumerable.Range(0, count).Select(i => Philox.Uniform(7, 3, 2, (uint)i)).ToArray();

        Assert.All(draws, draw => Assert.InRange(draw, 0f, MathF.BitDecrement(1f)));
        Assert.InRange(draws.Average(), 0.497, 0.503); // 5σ for 100,000 uniform draws is 0.0046
        Assert.NotEqual(draws.Take(64), Enumerable.Range(0, 64).Select(i => Philox.Uniform(8, 3, 2, (uint)i)));
        Assert.NotEqual(draws.Take(64), Enumerable.Range(0, 64).Select(i => Philox.Uniform(7, 4, 2, (uint)i)));
        Assert.NotEqual(draws.Take(64), Enumerable.Range(0, 64).Select(i => Philox.Uniform(7, 3, 5, (uint)i)));
    }

    [Fact]
    public void Normal_draws_have_mean_zero_variance_one_and_the_normal_share_within_one_deviation()
    {
        const int count = 100_000;
        var draws = Enumerable.Range(0, count).Select(i => (double)Philox.Normal(7, 3, 2, (uint)i)).ToArray();

        var mean = draws.Average();
        var variance = draws.Sum(draw => (draw - mean) * (draw - mean)) / (count - 1);
        var withinOne = draws.Count(draw => Math.Abs(draw) < 1) / (double)count;

        // Five standard errors: 1/√n for the mean, √(2 / (n − 1)) for the sample variance, √(p(1 − p)/n) for a share.
        Assert.InRange(mean, -5 / Math.Sqrt(count), 5 / Math.Sqrt(count));
        Assert.InRange(variance, 1 - (5 * Math.Sqrt(2.0 / (count - 1))), 1 + (5 * Math.Sqrt(2.0 / (count - 1))));
        const double share = 0.682689492137;
        Assert.InRange(withinOne, share - (5 * Math.Sqrt(share * (1 - share) / count)), share + (5 * Math.Sqrt(share * (1 - share) / count)));
        Assert.All(draws, draw => Assert.InRange(Math.Abs(draw), 0, Math.Sqrt(48 * Math.Log(2)) + 1e-6));
    }

    [Fact]
    public void The_two_normal_draws_of_a_box_muller_pair_are_uncorrelated()
    {
        const int pairs = 50_000;
        var first = Enumerable.Range(0, pairs).Select(pair => (double)Philox.Normal(1, 1, 0, (uint)(2 * pair))).ToArray();
        var second = Enumerable.Range(0, pairs).Select(pair => (double)Philox.Normal(1, 1, 0, (uint)((2 * pair) + 1))).ToArray();

        var correlation = Enumerable.Range(0, pairs).Sum(i => first[i] * second[i]) / pairs;

        Assert.InRange(correlation, -5 / Math.Sqrt(pairs), 5 / Math.Sqrt(pairs)); // E[xy] = 0 and Var[xy] = 1 for independent N(0, 1)
    }

    [Fact]
    public void Normal_draws_differ_by_seed_step_and_stream_and_repeat_for_the_same_ones()
    {
        float[] Draws(uint seed, ulong step, uint stream) => Enumerable.Range(0, 64).Select(i => Philox.Normal(seed, step, stream, (uint)i)).ToArray();

        Assert.Equal(Draws(7, 3, 2), Draws(7, 3, 2));
        Assert.NotEqual(Draws(7, 3, 2), Draws(8, 3, 2));
        Assert.NotEqual(Draws(7, 3, 2), Draws(7, 4, 2));
        Assert.NotEqual(Draws(7, 3, 2), Draws(7, 3, 5));
    }

    [Theory]
    [InlineData(0u, 0ul, 0u, 0u)]
    [InlineData(5u, 1ul, 7u, 2u)]
    [InlineData(123_456u, 0x1_2345_6789ul, 0xFFFF_FFFFu, 31u)]
    [InlineData(0x1FFF_FFF0u, ulong.MaxValue, 0x8000_0000u, 0u)]
    public void Four_blocks_at_once_give_the_words_of_four_scalar_calls(uint firstBlock, ulong step, uint seed, uint stream)
    {
        var words = new uint[PhiloxBlocks.Elements];
        PhiloxBlocks.Generate(firstBlock, step, (seed, stream), words);
        for (var block = 0u; block < 4; block++)
        {
            var (w0, w1, w2, w3) = Philox.Generate((firstBlock + block, 0u, (uint)step, (uint)(step >> 32)), (seed, stream));
            Assert.Equal([w0, w1, w2, w3], words.AsSpan((int)(4 * block), 4).ToArray());
        }
    }
}

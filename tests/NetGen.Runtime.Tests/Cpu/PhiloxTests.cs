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
}

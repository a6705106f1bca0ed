using System;
using System.Linq;
using NetGen.CudaEmulation.Tests.Harness;
using Xunit.Abstractions;

namespace NetGen.CudaEmulation.Tests;

/// <summary>
/// The emulation itself, on the hand-written kernels of Harness/Kernels/harness_kernels.cu: correct kernels give exact
/// results under every schedule, kernels with a __syncthreads() removed go wrong under the permuted schedule, early
/// returns do not hold up a block's barriers, the schedule is a seeded permutation, and shared memory is poisoned.
/// </summary>
public sealed class EmulationTests(ITestOutputHelper output)
{
    private const string Kernels = "harness_kernels.cu";
    private const int Threads = 256;
    private static readonly uint[] s_seeds = { 1, 2, 3, 4, 5, 6 };

    [Fact]
    public void Block_sum_is_exact_under_every_schedule()
    {
        const int blocks = 4;
        using var bench = new KernelBench(Kernels, EmulationMode.InProcess, ("in", blocks * Threads), ("out", blocks));
        var expected = FillBlockSumInputs(bench, blocks);
        foreach (var seed in s_seeds)
        {
            bench.Floats("out").Fill(float.NaN);
            bench.Launch("block_sum", (blocks, 1, 1), Threads, seed, "in", "out");
            Assert.Equal(expected, bench.Floats("out").ToArray());
        }
    }

    [Fact]
    public void Block_sum_without_barriers_goes_wrong_under_the_permuted_schedule()
    {
        const int blocks = 4;
        using var bench = new KernelBench(Kernels, EmulationMode.InProcess, ("in", blocks * Threads), ("out", blocks));
        var expected = FillBlockSumInputs(bench, blocks);
        var wrongLaunches = 0;
        foreach (var seed in s_seeds)
        {
            bench.Floats("out").Fill(0f);
            bench.Launch("block_sum_without_barriers", (blocks, 1, 1), Threads, seed, "in", "out");
            var actual = bench.Floats("out").ToArray();
            wrongLaunches += actual.SequenceEqual(expected) ? 0 : 1;
            output.WriteLine($"seed {seed}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        }

        Assert.True(wrongLaunches == s_seeds.Length,
            $"Without its barriers the block sum came out right in {s_seeds.Length - wrongLaunches} of {s_seeds.Length} launches; the schedule should expose the race every time.");
    }

    [Fact]
    public void Tiled_matmul_is_exact_under_every_schedule()
    {
        const int n = 48;
        using var bench = new KernelBench(Kernels, EmulationMode.InProcess, ("a", n * n), ("b", n * n), ("c", n * n));
        var expected = FillMatmulInputs(bench, n);
        foreach (var seed in s_seeds.Take(3))
        {
            bench.Floats("c").Fill(float.NaN);
            bench.Launch("tiled_matmul", (n / 16, n / 16, 1), Threads, seed, "a", "b", "c", n);
            Assert.Equal(expected, bench.Floats("c").ToArray());
        }
    }

    [Fact]
    public void Tiled_matmul_without_its_second_barrier_goes_wrong_under_the_permuted_schedule()
    {
        const int n = 48;
        using var bench = new KernelBench(Kernels, EmulationMode.InProcess, ("a", n * n), ("b", n * n), ("c", n * n));
        var expected = FillMatmulInputs(bench, n);
        var wrongLaunches = 0;
        foreach (var seed in s_seeds)
        {
            bench.Floats("c").Fill(float.NaN);
            bench.Launch("tiled_matmul_without_second_barrier", (n / 16, n / 16, 1), Threads, seed, "a", "b", "c", n);
            var actual = bench.Floats("c").ToArray();
            var wrong = actual.Where((value, index) => value != expected[index]).Count();
            output.WriteLine($"seed {seed}: {wrong} of {actual.Length} elements wrong");
            wrongLaunches += wrong > 0 ? 1 : 0;
        }

        // The race needs a thread to lag a whole tile behind a faster one: likely on every launch, certain on none.
        Assert.True(wrongLaunches > 0, $"Without its second barrier the tiled product came out right in all {s_seeds.Length} launches.");
    }

    [Fact]
    public void Threads_that_return_early_do_not_hold_up_the_barriers_of_the_others()
    {
        const int blocks = 3, active = 100;
        using var bench = new KernelBench(Kernels, EmulationMode.InProcess, ("in", blocks * Threads), ("out", blocks * Threads));
        for (var i = 0; i < blocks * Threads; i++)
        {
            bench.Ints("in")[i] = i;
        }

        bench.Ints("out").Fill(-7);
        bench.Launch("early_return_reverse", (blocks, 1, 1), Threads, 9, "in", "out", active);
        for (var block = 0; block < blocks; block++)
        {
            for (var t = 0; t < Threads; t++)
            {
                var expected = t < active ? block * Threads + (active - 1 - t) : -7;
                Assert.Equal(expected, bench.Ints("out")[(block * Threads) + t]);
            }
        }
    }

    [Fact]
    public void Blocks_and_thread_starts_follow_a_seeded_permutation()
    {
        const int gridX = 5, gridY = 3, blocks = gridX * gridY;
        using var bench = new KernelBench(
            Kernels, EmulationMode.InProcess, ("block_order", blocks), ("thread_order", blocks * Threads), ("counters", 1 + blocks));

        (int[] Blocks, int[] Threads) Record(uint seed)
        {
            bench.Ints("counters").Clear();
            bench.Ints("block_order").Fill(-1);
            bench.Ints("thread_order").Fill(-1);
            bench.Launch("record_schedule", (gridX, gridY, 1), Threads, seed, "block_order", "thread_order", "counters");
            return (bench.Ints("block_order").ToArray(), bench.Ints("thread_order").ToArray());
        }

        var first = Record(1);
        var again = Record(1);
        var second = Record(2);
        output.WriteLine("seed 1 block order: " + string.Join(' ', first.Blocks));
        output.WriteLine("seed 2 block order: " + string.Join(' ', second.Blocks));
        output.WriteLine("seed 1, block 0, first 16 threads started: " + string.Join(' ', first.Threads.Take(16)));

        Assert.Equal(Enumerable.Range(0, blocks), first.Blocks.Order());
        Assert.Equal(first.Blocks, again.Blocks);
        Assert.NotEqual(first.Blocks, second.Blocks);
        Assert.NotEqual(Enumerable.Range(0, blocks), first.Blocks);
        for (var block = 0; block < blocks; block++)
        {
            var started = first.Threads.Skip(block * Threads).Take(Threads).ToArray();
            Assert.Equal(Enumerable.Range(0, Threads), started.Order());
        }

        // Threads start in a shuffled order, not by index: far from sorted in every block.
        for (var block = 0; block < blocks; block++)
        {
            var started = first.Threads.Skip(block * Threads).Take(Threads).ToArray();
            var inversions = 0;
            for (var i = 1; i < started.Length; i++)
            {
                inversions += started[i] < started[i - 1] ? 1 : 0;
            }

            Assert.True(inversions > Threads / 8, $"Block {block}: threads started almost in index order ({inversions} descents).");
        }
    }

    [Fact]
    public void Shared_memory_is_poisoned_before_every_block()
    {
        const int blocks = 2;
        using var bench = new KernelBench(Kernels, EmulationMode.InProcess, ("out", blocks * Threads));
        Assert.NotEmpty(bench.Library.SharedRegions);
        foreach (var writeFirst in new[] { 0, 5, 0 })
        {
            bench.Floats("out").Clear();
            bench.Launch("read_shared", (blocks, 1, 1), Threads, 3, "out", writeFirst);
            var expected = writeFirst == 0 ? 0xFFFFFFFFu : BitConverter.SingleToUInt32Bits(writeFirst);
            Assert.All(bench.Floats("out").ToArray(), value => Assert.Equal(expected, BitConverter.SingleToUInt32Bits(value)));
        }
    }

    [Fact]
    public void Each_template_instantiation_has_its_own_shared_array()
    {
        using var bench = new KernelBench(Kernels, EmulationMode.InProcess, ("out", Threads));
        bench.Launch("shared_per_instantiation", (1, 1, 1), Threads, 4, "out");
        Assert.All(bench.Floats("out").ToArray(), value => Assert.Equal(12f, value));
    }

    internal static float[] FillBlockSumInputs(KernelBench bench, int blocks)
    {
        var random = new SeededRandom(5);
        var expected = new float[blocks];
        for (var i = 0; i < blocks * Threads; i++)
        {
            var value = random.NextInt(17) - 8 + (i % 3 == 0 ? 0.5f : 0f);
            bench.Floats("in")[i] = value;
            expected[i / Threads] += value; // small halves and integers: every partial sum is exact in any order
        }

        return expected;
    }

    internal static float[] FillMatmulInputs(KernelBench bench, int n)
    {
        var random = new SeededRandom(6);
        for (var i = 0; i < n * n; i++)
        {
            bench.Floats("a")[i] = random.NextInt(9) - 4;
            bench.Floats("b")[i] = random.NextInt(9) - 4;
        }

        var expected = new float[n * n];
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                var sum = 0f;
                for (var k = 0; k < n; k++)
                {
                    sum += bench.Floats("a")[(row * n) + k] * bench.Floats("b")[(k * n) + column];
                }

                expected[(row * n) + column] = sum;
            }
        }

        return expected;
    }
}

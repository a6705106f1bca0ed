using System.Linq;
using NetGen.CudaEmulation.Tests.Harness;
using Xunit.Abstractions;

namespace NetGen.CudaEmulation.Tests;

/// <summary>
/// ThreadSanitizer on the emulated kernels: the hand-written kernels run in a server built with -fsanitize=thread
/// (whatever NETGEN_EMULATION_TSAN says), which must report the kernels with a __syncthreads() removed and nothing else.
/// </summary>
public sealed class SanitizerTests(ITestOutputHelper output)
{
    private const string Kernels = "harness_kernels.cu";
    private const string DataRace = "WARNING: ThreadSanitizer: data race";
    private const int Threads = 256;

    [Fact]
    public void ThreadSanitizer_reports_the_block_sum_without_barriers()
    {
        const int blocks = 2;
        using var bench = new KernelBench(Kernels, EmulationMode.ThreadSanitizer, ("in", blocks * Threads), ("out", blocks));
        EmulationTests.FillBlockSumInputs(bench, blocks);
        bench.Launch("block_sum_without_barriers", (blocks, 1, 1), Threads, 1, "in", "out");
        var report = bench.Finish();
        output.WriteLine(FirstLines(report, 40));
        Assert.Contains(DataRace, report);
        Assert.Contains("block_sum_without_barriers", report);
    }

    [Fact]
    public void ThreadSanitizer_reports_the_tiled_matmul_without_its_second_barrier()
    {
        const int n = 32;
        using var bench = new KernelBench(Kernels, EmulationMode.ThreadSanitizer, ("a", n * n), ("b", n * n), ("c", n * n));
        EmulationTests.FillMatmulInputs(bench, n);
        bench.Launch("tiled_matmul_without_second_barrier", (n / 16, n / 16, 1), Threads, 1, "a", "b", "c", n);
        var report = bench.Finish();
        output.WriteLine(FirstLines(report, 40));
        Assert.Contains(DataRace, report);
        Assert.Contains("tiled_matmul_without_second_barrier", report);
    }

    [Fact]
    public void ThreadSanitizer_is_quiet_on_the_correct_kernels()
    {
        const int n = 32, blocks = 2;
        using var bench = new KernelBench(
            Kernels, EmulationMode.ThreadSanitizer, ("in", blocks * Threads), ("out", blocks * Threads), ("a", n * n), ("b", n * n), ("c", n * n),
            ("counters", 1 + blocks));
        EmulationTests.FillBlockSumInputs(bench, blocks);
        EmulationTests.FillMatmulInputs(bench, n);
        bench.Launch("block_sum", (blocks, 1, 1), Threads, 1, "in", "out");
        bench.Launch("tiled_matmul", (n / 16, n / 16, 1), Threads, 2, "a", "b", "c", n);
        bench.Launch("early_return_reverse", (blocks, 1, 1), Threads, 3, "in", "out", 100);
        bench.Launch("record_schedule", (blocks, 1, 1), Threads, 4, "out", "in", "counters");
        bench.Launch("read_shared", (blocks, 1, 1), Threads, 5, "out", 0);
        bench.Launch("shared_per_instantiation", (1, 1, 1), Threads, 6, "out");
        var report = bench.Finish();
        Assert.True(report.Length == 0, "ThreadSanitizer reported on correct kernels:\n" + FirstLines(report, 80));
    }

    private static string FirstLines(string text, int count) => string.Join('\n', text.Split('\n').Take(count));
}

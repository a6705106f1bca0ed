using System;
using NetGen.Cuda;

namespace NetGen.Tests.Cuda;

public sealed class PtxasReportTests
{
    // Captured from NVRTC 11.8.89: NvrtcTests.TiledSgemmSource with --gpu-architecture=sm_80 --ptxas-options=-v.
    private const string TiledSgemmSm80Log = """
        ptxas info    : 0 bytes gmem
        ptxas info    : Compiling entry function 'bias_relu' for 'sm_80'
        ptxas info    : Function properties for bias_relu
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Used 10 registers, 376 bytes cmem[0]
        ptxas info    : Compiling entry function 'sgemm_tiled' for 'sm_80'
        ptxas info    : Function properties for sgemm_tiled
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Used 32 registers, 2048 bytes smem, 388 bytes cmem[0]

        """;

    // The same source for sm_90: ptxas 11.8 lists no cmem there.
    private const string TiledSgemmSm90Log = """
        ptxas info    : 0 bytes gmem
        ptxas info    : Compiling entry function 'bias_relu' for 'sm_90'
        ptxas info    : Function properties for bias_relu
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Used 12 registers
        ptxas info    : Compiling entry function 'sgemm_tiled' for 'sm_90'
        ptxas info    : Function properties for sgemm_tiled
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Used 32 registers, 2048 bytes smem

        """;

    // Captured from NVRTC 11.8.89 with --maxrregcount=32: a kernel with a 64-float array spills; a __noinline__ device
    // function (_Z6helperPfi) gets a properties block of its own after its caller; a __constant__ table shows on the gmem line.
    private const string SpillingSm80Log = """
        ptxas info    : 0 bytes gmem, 1024 bytes cmem[3]
        ptxas info    : Compiling entry function 'consty' for 'sm_80'
        ptxas info    : Function properties for consty
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Used 8 registers, 360 bytes cmem[0]
        ptxas info    : Compiling entry function 'dyn' for 'sm_80'
        ptxas info    : Function properties for dyn
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Used 10 registers, 360 bytes cmem[0]
        ptxas info    : Compiling entry function 'stacky' for 'sm_80'
        ptxas info    : Function properties for stacky
        ptxas         .     128 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Used 32 registers, 368 bytes cmem[0]
        ptxas info    : Function properties for _Z6helperPfi
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Compiling entry function 'spiller' for 'sm_80'
        ptxas info    : Function properties for spiller
        ptxas         .     880 bytes stack frame, 1456 bytes spill stores, 1668 bytes spill loads
        ptxas info    : Used 32 registers, 372 bytes cmem[0]

        """;

    // Captured with -rdc=true: the device function's block comes first, before any entry line.
    private const string RelocatableSm80Log = """
        ptxas info    : 0 bytes gmem, 1024 bytes cmem[3]
        ptxas info    : Function properties for _Z6helperPfi$1
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Compiling entry function 'dyn' for 'sm_80'
        ptxas info    : Function properties for dyn
        ptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
        ptxas info    : Used 10 registers, 360 bytes cmem[0]
        """;

    [Fact]
    public void ARealSm80Log_GivesEveryKernelInCompileOrder()
    {
        var report = PtxasReport.Parse(TiledSgemmSm80Log);

        Assert.Equal(
            [
                new KernelResourceUsage("bias_relu", 10, 0, 0, 0, 0, 376),
                new KernelResourceUsage("sgemm_tiled", 32, 0, 0, 0, 2048, 388),
            ],
            report);
    }

    [Fact]
    public void ARealSm90Log_HasNoConstantMemoryFigure()
    {
        var report = PtxasReport.Parse(TiledSgemmSm90Log);

        Assert.Equal(
            [
                new KernelResourceUsage("bias_relu", 12, 0, 0, 0, 0, null),
                new KernelResourceUsage("sgemm_tiled", 32, 0, 0, 0, 2048, null),
            ],
            report);
    }

    [Fact]
    public void ARealLogWithSpills_AttributesStackAndSpillsToTheRightKernels()
    {
        var report = PtxasReport.Parse(SpillingSm80Log);

        Assert.Equal(
            [
                new KernelResourceUsage("consty", 8, 0, 0, 0, 0, 360),
                new KernelResourceUsage("dyn", 10, 0, 0, 0, 0, 360),
                new KernelResourceUsage("stacky", 32, 128, 0, 0, 0, 368),
                new KernelResourceUsage("spiller", 32, 880, 1456, 1668, 0, 372),
            ],
            report);
    }

    [Fact]
    public void ADeviceFunctionsBlock_IsNotAKernel()
    {
        var report = PtxasReport.Parse(RelocatableSm80Log);

        Assert.Equal([new KernelResourceUsage("dyn", 10, 0, 0, 0, 0, 360)], report);
    }

    [Fact]
    public void ASyntheticLog_WithCrLfWarningsBarriersAndSeveralBanks_IsRead()
    {
        const string log =
            "GemmNet(12): warning: variable \"unused\" was declared but never referenced\r\n" +
            "\r\n" +
            "ptxas info    : 0 bytes gmem\r\n" +
            "ptxas info    : Compiling entry function 'gemm_big' for 'sm_86'\r\n" +
            "ptxas info    : Function properties for gemm_big\r\n" +
            "ptxas         .     40 bytes stack frame, 36 bytes spill stores, 44 bytes spill loads\r\n" +
            "ptxas info    : Used 255 registers, used 1 barriers, 49152 bytes smem, 400 bytes cmem[0], 16 bytes cmem[2]\r\n" +
            "ptxas info    : Compile time = 12.345 ms\r\n";

        var usage = Assert.Single(PtxasReport.Parse(log));

        Assert.Equal(new KernelResourceUsage("gemm_big", 255, 40, 36, 44, 49152, 416), usage);
    }

    [Fact]
    public void ALogWithoutPtxasLines_HasNoKernels()
    {
        Assert.Empty(PtxasReport.Parse(string.Empty));
        Assert.Empty(PtxasReport.Parse("Net(3): warning: something harmless\n\0"));
    }

    [Fact]
    public void AKernelWithoutItsRegisterLine_IsAFormatErrorNamingIt()
    {
        var truncated = TiledSgemmSm80Log.Replace("ptxas info    : Used 32 registers, 2048 bytes smem, 388 bytes cmem[0]", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => PtxasReport.Parse(truncated));

        Assert.Contains("'sgemm_tiled'", error.Message);
        Assert.Contains("Used N registers", error.Message);
    }

    [Fact]
    public void AKernelWithoutItsStackLine_IsAFormatErrorNamingIt()
    {
        var log = TiledSgemmSm80Log.ReplaceLineEndings("\n");
        var truncated = log.Replace(
            "ptxas info    : Function properties for bias_relu\nptxas         .     0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads\n",
            string.Empty,
            StringComparison.Ordinal);
        Assert.NotEqual(log, truncated);

        var error = Assert.Throws<FormatException>(() => PtxasReport.Parse(truncated));

        Assert.Contains("'bias_relu'", error.Message);
    }
}

using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NetGen.Cuda;
using NetGen.Cuda.Interop;

namespace NetGen.Tests.Cuda;

/// <summary>
/// Runs NVRTC for real. NVRTC is a test dependency (it needs no GPU), so a machine without it fails these tests
/// with instructions instead of skipping them.
/// </summary>
public sealed class NvrtcTests
{
    internal const string SgemmKernel = "sgemm_tiled";
    internal const string BiasReluKernel = "bias_relu";

    // A 16×16 tiled SGEMM (2 × 1 KiB of static shared memory) and a bias + ReLU kernel.
    internal const string TiledSgemmSource = """
        #define TILE 16

        extern "C" __global__ void sgemm_tiled(const float* a, const float* b, float* c, int m, int n, int k)
        {
            __shared__ float tileA[TILE][TILE];
            __shared__ float tileB[TILE][TILE];
            int row = blockIdx.y * TILE + threadIdx.y;
            int col = blockIdx.x * TILE + threadIdx.x;
            float sum = 0.0f;
            for (int t = 0; t < (k + TILE - 1) / TILE; ++t)
            {
                int aCol = t * TILE + threadIdx.x;
                int bRow = t * TILE + threadIdx.y;
                tileA[threadIdx.y][threadIdx.x] = (row < m && aCol < k) ? a[row * k + aCol] : 0.0f;
                tileB[threadIdx.y][threadIdx.x] = (bRow < k && col < n) ? b[bRow * n + col] : 0.0f;
                __syncthreads();
                for (int i = 0; i < TILE; ++i)
                {
                    sum += tileA[threadIdx.y][i] * tileB[i][threadIdx.x];
                }
                __syncthreads();
            }
            if (row < m && col < n)
            {
                c[row * n + col] = sum;
            }
        }

        extern "C" __global__ void bias_relu(float* x, const float* bias, int rows, int cols)
        {
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i < rows * cols)
            {
                float v = x[i] + bias[i % cols];
                x[i] = v > 0.0f ? v : 0.0f;
            }
        }
        """;

    private const int TiledSgemmSharedMemoryBytes = 2 * 16 * 16 * sizeof(float);

    [Fact]
    public void Version_IsAtLeast11()
    {
        RequireNvrtc();

        var (major, minor) = Nvrtc.Version;

        Assert.True(major >= 11, $"NVRTC {major}.{minor} is older than 11.0.");
        Assert.InRange(minor, 0, 99);
    }

    [Fact]
    public void SupportedArchitectures_IncludeAmpereAndHopperInAscendingOrder()
    {
        RequireNvrtc();

        var architectures = Nvrtc.SupportedArchitectures;

        Assert.Contains(80, architectures);
        Assert.Contains(90, architectures);
        Assert.Equal(architectures.Order(), architectures);
    }

    [Theory]
    [InlineData(70)]
    [InlineData(80)]
    [InlineData(90)]
    public void TiledSgemm_CompilesToPtxWithBothEntries(int architecture)
    {
        RequireNvrtc();

        var output = Nvrtc.Compile(TiledSgemmSource, "TiledSgemmNet", [$"--gpu-architecture=compute_{architecture}"], NvrtcTarget.Ptx);

        Assert.False(output.IsCubin);
        Assert.True(output.Image.Length > 100, $"PTX of {output.Image.Length} bytes");
        Assert.Equal(0, output.Image[^1]); // NUL-terminated, as cuModuleLoadData wants PTX
        var ptx = Encoding.ASCII.GetString(output.Image, 0, output.Image.Length - 1);
        Assert.Contains($".target sm_{architecture}", ptx);
        Assert.Contains($".entry {SgemmKernel}(", ptx);
        Assert.Contains($".entry {BiasReluKernel}(", ptx);
        Assert.Contains(".shared", ptx);
        Assert.Contains("bar.sync", ptx); // __syncthreads()
        Assert.Equal(string.Empty, output.Log);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(90)]
    public void TiledSgemm_CompilesToACubinWhosePtxasReportShowsRegistersAndNoSpills(int architecture)
    {
        RequireNvrtc();

        var output = Nvrtc.Compile(
            TiledSgemmSource, "TiledSgemmNet", [$"--gpu-architecture=sm_{architecture}", "--ptxas-options=-v"], NvrtcTarget.Cubin);

        Assert.True(output.IsCubin);
        Assert.True(output.Image.Length > 1000, $"CUBIN of {output.Image.Length} bytes");
        Assert.Equal("\u007fELF"u8.ToArray(), output.Image[..4]);
        Assert.Contains($"Compiling entry function '{SgemmKernel}' for 'sm_{architecture}'", output.Log);

        var report = PtxasReport.Parse(output.Log);

        Assert.Equal(new[] { BiasReluKernel, SgemmKernel }, report.Select(kernel => kernel.Kernel).Order(StringComparer.Ordinal));
        var sgemm = Assert.Single(report, kernel => kernel.Kernel == SgemmKernel);
        Assert.InRange(sgemm.Registers, 1, 255);
        Assert.Equal(0, sgemm.SpillStoreBytes);
        Assert.Equal(0, sgemm.SpillLoadBytes);
        Assert.Equal(0, sgemm.StackFrameBytes);
        Assert.Equal(TiledSgemmSharedMemoryBytes, sgemm.SharedMemoryBytes);
        var biasRelu = Assert.Single(report, kernel => kernel.Kernel == BiasReluKernel);
        Assert.InRange(biasRelu.Registers, 1, 255);
        Assert.Equal(0, biasRelu.SharedMemoryBytes);
    }

    [Fact]
    public void ACubinForAVirtualArchitecture_IsRefusedNamingTheOptions()
    {
        RequireNvrtc();

        var error = Assert.Throws<ArgumentException>(
            () => Nvrtc.Compile(TiledSgemmSource, "VirtualNet", ["--gpu-architecture=compute_80"], NvrtcTarget.Cubin));

        Assert.Contains("VirtualNet", error.Message);
        Assert.Contains("sm_XX", error.Message);
        Assert.Contains("--gpu-architecture=compute_80", error.Message);
    }

    [Fact]
    public void ASyntaxError_ThrowsWithTheProgramNameTheLineAndTheFullLog()
    {
        RequireNvrtc();
        const string source = """
            extern "C" __global__ void scale(float* x, int n)
            {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < n)
                {
                    x[i] = 2.0f * undeclared_factor;
                }
            }
            """;

        var error = Assert.Throws<NvrtcException>(() => Nvrtc.Compile(source, "BrokenNet", ["--gpu-architecture=compute_80"], NvrtcTarget.Ptx));

        Assert.Equal(NvrtcResult.Compilation, error.Result);
        Assert.Equal("nvrtcCompileProgram", error.Call);
        Assert.Equal("BrokenNet", error.ProgramName);
        Assert.StartsWith("NVRTC could not compile the CUDA source of BrokenNet:", error.Message);
        Assert.Contains("BrokenNet(6): error", error.Message);
        Assert.Contains("undeclared_factor", error.Log);
        Assert.EndsWith(error.Log, error.Message);
    }

    [Fact]
    public void AnInvalidArchitecture_ThrowsInvalidOptionNamingTheCall()
    {
        RequireNvrtc();

        var error = Assert.Throws<NvrtcException>(
            () => Nvrtc.Compile(TiledSgemmSource, "OptionNet", ["--gpu-architecture=compute_1"], NvrtcTarget.Ptx));

        Assert.Equal(NvrtcResult.InvalidOption, error.Result);
        Assert.Equal("nvrtcCompileProgram", error.Call);
        Assert.StartsWith("nvrtcCompileProgram failed for OptionNet: NVRTC_ERROR_INVALID_OPTION (5)", error.Message);
        Assert.Contains("--gpu-architecture", error.Log); // NVRTC says which option it rejected
    }

    [Fact]
    public void ConcurrentCompilations_AllSucceedWithTheSamePtx()
    {
        RequireNvrtc();

        var outputs = new NvrtcOutput[8];
        Parallel.For(0, outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, index =>
            outputs[index] = Nvrtc.Compile(TiledSgemmSource, $"Net{index}", ["--gpu-architecture=compute_80"], NvrtcTarget.Ptx));

        Assert.All(outputs, output => Assert.Equal(outputs[0].Image, output.Image));
    }

    [Fact]
    public void EveryResultName_MatchesNvrtcsOwn()
    {
        RequireNvrtc();

        foreach (var result in Enum.GetValues<NvrtcResult>())
        {
            var nvrtcName = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(NvrtcNative.nvrtcGetErrorString(result));
            Assert.Equal(nvrtcName, NvrtcException.CName(result));
        }
    }

    [Fact]
    public void AFailedCallOtherThanCompilation_NamesTheCallTheProgramAndTheCode()
    {
        var error = Assert.Throws<NvrtcException>(() => Check.Nvrtc(NvrtcResult.InvalidProgram, "nvrtcGetPTX", "SomeNet"));

        Assert.Equal("nvrtcGetPTX failed for SomeNet: NVRTC_ERROR_INVALID_PROGRAM (4)", error.Message);
        Assert.Equal(string.Empty, error.Log);
        Check.Nvrtc(NvrtcResult.Success, "nvrtcGetPTX", "SomeNet");
    }

    /// <summary>Fails the calling test, saying how to install NVRTC, when it cannot be loaded.</summary>
    internal static void RequireNvrtc()
    {
        if (!Nvrtc.IsAvailable(out var reason))
        {
            Assert.Fail("NVRTC is required by the CUDA tests, which need no GPU. " + reason);
        }
    }
}

using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NetGen.Cuda;
using NetGen.Cuda.Interop;

namespace NetGen.Tests.Cuda;

public sealed class NativeLibrariesTests
{
    private const string MissingDriver = "libcuda-missing-for-netgen-tests.so.1";
    private const string OtherMissingDriver = "libcuda-also-missing.so";

    [Fact]
    public void TryLoad_WithCandidatesThatDoNotExist_ReturnsFalseListingThemAndWhatToInstall()
    {
        using (NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, MissingDriver, OtherMissingDriver))
        {
            var loaded = NativeLibraries.TryLoad(NativeLibraries.Cuda, out var reason);

            Assert.False(loaded);
            Assert.Contains($"tried {MissingDriver}, {OtherMissingDriver}", reason);
            Assert.Contains("NVIDIA driver", reason);
        }
    }

    [Fact]
    public void Resolver_WithCandidatesThatDoNotExist_ThrowsDllNotFoundListingThem()
    {
        using (NativeLibraries.OverrideCandidates(NativeLibraries.Nvrtc, "libnvrtc-missing.so", "libnvrtc-missing.so.11.2"))
        {
            var error = Assert.Throws<DllNotFoundException>(
                () => NativeLibraries.Resolve(NativeLibraries.Nvrtc, typeof(NativeLibraries).Assembly, null));

            Assert.Contains("tried libnvrtc-missing.so, libnvrtc-missing.so.11.2", error.Message);
            Assert.Contains("NVRTC", error.Message);
            Assert.Contains(OperatingSystem.IsWindows() ? "CUDA toolkit" : "libnvrtc11.2", error.Message);
        }
    }

    [Fact]
    public void Resolver_LeavesOtherLibrariesToTheRuntime()
    {
        Assert.Equal(0, NativeLibraries.Resolve("libm", typeof(NativeLibraries).Assembly, null));
    }

    [Fact]
    public void NvrtcIsAvailable_IsFalseWithTheReasonWhenNoCandidateLoads()
    {
        using (NativeLibraries.OverrideCandidates(NativeLibraries.Nvrtc, "libnvrtc-missing.so"))
        {
            Assert.False(Nvrtc.IsAvailable(out var reason));
            Assert.Contains("libnvrtc-missing.so", reason);
        }
    }

    [Fact]
    public void DisposingAnOverride_RestoresThePreviousCandidates()
    {
        var defaults = NativeLibraries.Candidates(NativeLibraries.Cuda);
        var nvrtcDefaults = NativeLibraries.Candidates(NativeLibraries.Nvrtc);

        using (NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, MissingDriver))
        {
            using (NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, OtherMissingDriver))
            {
                Assert.Equal([OtherMissingDriver], NativeLibraries.Candidates(NativeLibraries.Cuda));
            }

            Assert.Equal([MissingDriver], NativeLibraries.Candidates(NativeLibraries.Cuda));
            Assert.Equal(nvrtcDefaults, NativeLibraries.Candidates(NativeLibraries.Nvrtc)); // other names untouched
        }

        Assert.Equal(defaults, NativeLibraries.Candidates(NativeLibraries.Cuda));
    }

    [Fact]
    public async Task AnOverride_IsInvisibleToWorkOutsideItsAsyncFlow()
    {
        using (NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, MissingDriver))
        {
            Task<string> elsewhere;
            using (ExecutionContext.SuppressFlow())
            {
                elsewhere = Task.Run(() => NativeLibraries.Candidates(NativeLibraries.Cuda)[0]);
            }

            var inside = await Task.Run(() => NativeLibraries.Candidates(NativeLibraries.Cuda)[0]);

            Assert.Equal(MissingDriver, inside);
            Assert.NotEqual(MissingDriver, await elsewhere);
        }
    }

    [Fact]
    public void DefaultCandidates_AreTheFilesNvidiaShips()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Equal(["nvrtc64_120_0.dll", "nvrtc64_112_0.dll"], NativeLibraries.Candidates(NativeLibraries.Nvrtc));
            Assert.Equal(["nvcuda.dll"], NativeLibraries.Candidates(NativeLibraries.Cuda));
        }
        else
        {
            Assert.Equal(["libnvrtc.so", "libnvrtc.so.12", "libnvrtc.so.11.2"], NativeLibraries.Candidates(NativeLibraries.Nvrtc));
            Assert.Equal(["libcuda.so.1", "libcuda.so"], NativeLibraries.Candidates(NativeLibraries.Cuda));
        }
    }

    [Fact]
    public void AnUnknownLogicalName_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => NativeLibraries.Candidates("cublas"));

        Assert.Contains("'cublas'", error.Message);
    }

    [Fact]
    public void RegisteringTheResolver_IsIdempotentAndThreadSafe()
    {
        Parallel.For(0, 16, _ => NativeLibraries.EnsureResolverRegistered());

        // The runtime allows one resolver per assembly, so a second registration failing proves the first happened.
        Assert.Throws<InvalidOperationException>(
            () => NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, NativeLibraries.Resolve));
    }
}

using System;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using NetGen.Cuda;
using NetGen.Cuda.Interop;

namespace NetGen.Tests.Cuda;

/// <summary>
/// The driver API through the runtime's declarations. These run on machines with and without a GPU: only the
/// driver library (libcuda1) is required.
/// </summary>
public sealed class CudaInteropTests
{
    [Fact]
    public void CuInit_ReportsNoDeviceOrFindsOne()
    {
        RequireDriver();

        var result = CudaDriverNative.cuInit(0);

        Assert.True(
            result is CudaResult.Success or CudaResult.NoDevice,
            $"cuInit returned {result} ({(int)result}); expected CUDA_SUCCESS with a GPU or CUDA_ERROR_NO_DEVICE without one.");
        if (result == CudaResult.Success)
        {
            Check.Cuda(CudaDriverNative.cuDeviceGetCount(out var count), "cuDeviceGetCount");
            Assert.True(count >= 1, $"cuInit succeeded but cuDeviceGetCount says {count} devices.");
            Check.Cuda(CudaDriverNative.cuDeviceGet(out var device, 0), "cuDeviceGet");
            Check.Cuda(CudaDriverNative.cuDeviceGetAttribute(out var major, CudaDeviceAttribute.ComputeCapabilityMajor, device), "cuDeviceGetAttribute");
            Check.Cuda(CudaDriverNative.cuDeviceGetAttribute(out var multiprocessors, CudaDeviceAttribute.MultiprocessorCount, device), "cuDeviceGetAttribute");
            Check.Cuda(CudaDriverNative.cuDeviceTotalMem_v2(out var memory, device), "cuDeviceTotalMem_v2");
            var name = new byte[256];
            Check.Cuda(CudaDriverNative.cuDeviceGetName(name, name.Length, device), "cuDeviceGetName");
            Assert.InRange(major, 3, 20);
            Assert.True(multiprocessors >= 1);
            Assert.True(memory > 0);
            Assert.NotEqual(0, name[0]);
        }
        else
        {
            var error = Assert.Throws<CudaException>(() => Check.Cuda(result, "cuInit"));
            Assert.Equal("cuInit failed: CUDA_ERROR_NO_DEVICE (100): no CUDA-capable device is detected", error.Message);
        }
    }

    [Fact]
    public void DriverVersion_IsReadableWithoutInitialization()
    {
        RequireDriver();

        Check.Cuda(CudaDriverNative.cuDriverGetVersion(out var version), "cuDriverGetVersion");

        Assert.True(version >= 11000, $"driver API version {version}; expected CUDA 11.0 (11000) or newer");
    }

    [Fact]
    public void ACudaException_UsesTheDriversNameAndDescription()
    {
        RequireDriver();

        var error = new CudaException("cuModuleLoadData", CudaResult.UnsupportedPtxVersion);

        Assert.Equal("cuModuleLoadData", error.Call);
        Assert.Equal(CudaResult.UnsupportedPtxVersion, error.Result);
        Assert.StartsWith("cuModuleLoadData failed: CUDA_ERROR_UNSUPPORTED_PTX_VERSION (222): ", error.Message);
        Assert.Contains("unsupported toolchain", error.Message);
    }

    [Fact]
    public void ACudaException_FallsBackToTheEnumsNameWithoutTheDriver()
    {
        using var absent = NativeLibraries.OverrideCandidates(NativeLibraries.Cuda, "libcuda-absent-for-this-test.so.1");

        var error = new CudaException("cuInit", CudaResult.NoDevice);
        var unknown = new CudaException("cuFutureCall", (CudaResult)12345);

        Assert.Equal("cuInit failed: CUDA_ERROR_NO_DEVICE (100)", error.Message);
        Assert.Equal("cuInit", error.Call);
        Assert.Equal(CudaResult.NoDevice, error.Result);
        Assert.Equal("cuFutureCall failed: unknown CUresult (12345)", unknown.Message);
    }

    [Theory]
    [InlineData(CudaResult.NoBinaryForGpu, "CUDA_ERROR_NO_BINARY_FOR_GPU")]
    [InlineData(CudaResult.InvalidPtx, "CUDA_ERROR_INVALID_PTX")]
    [InlineData(CudaResult.LaunchOutOfResources, "CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES")]
    [InlineData(CudaResult.NvlinkUncorrectable, "CUDA_ERROR_NVLINK_UNCORRECTABLE")]
    [InlineData(CudaResult.Success, "CUDA_SUCCESS")]
    public void EnumNames_MapToTheHeadersNames(CudaResult result, string expected) =>
        Assert.Equal(expected, CudaException.CName(result));

    [Fact]
    public void EveryResultCode_HasTheDriversNameAndValue()
    {
        RequireDriver();

        foreach (var result in Enum.GetValues<CudaResult>())
        {
            Assert.Equal(CudaResult.Success, CudaDriverNative.cuGetErrorName(result, out var name));
            Assert.Equal(Marshal.PtrToStringUTF8(name), CudaException.CName(result));
        }
    }

    [Fact]
    public void CheckCuda_ThrowsForAnythingButSuccess()
    {
        Check.Cuda(CudaResult.Success, "cuCtxSynchronize");

        var error = Assert.Throws<CudaException>(() => Check.Cuda(CudaResult.IllegalAddress, "cuCtxSynchronize"));

        Assert.Equal("cuCtxSynchronize", error.Call);
        Assert.Equal(CudaResult.IllegalAddress, error.Result);
        Assert.StartsWith("cuCtxSynchronize failed: CUDA_ERROR_ILLEGAL_ADDRESS (700)", error.Message);
    }

    [Fact]
    public void EveryDriverDeclaration_NamesAnExportOfTheDriver()
    {
        RequireDriver();

        var missing = MissingExports(typeof(CudaDriverNative), NativeLibraries.Cuda);

        Assert.True(missing.Length == 0, "libcuda does not export: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryNvrtcDeclaration_NamesAnExportOfNvrtc()
    {
        NvrtcTests.RequireNvrtc();

        var missing = MissingExports(typeof(NvrtcNative), NativeLibraries.Nvrtc);

        Assert.True(missing.Length == 0, "libnvrtc does not export: " + string.Join(", ", missing));
    }

    [Fact]
    public void AnUnknownErrorCode_HasNoDriverName()
    {
        RequireDriver();

        Assert.Equal(CudaResult.InvalidValue, CudaDriverNative.cuGetErrorName((CudaResult)12345, out _));
    }

    private static string[] MissingExports(Type declarations, string logicalName)
    {
        var library = NativeLibraries.Load(logicalName);
        var entryPoints = declarations
            .GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Select(method => (Method: method, Import: method.GetCustomAttribute<LibraryImportAttribute>()))
            .Where(pair => pair.Import is not null)
            .Select(pair => pair.Import!.EntryPoint ?? pair.Method.Name)
            .ToArray();

        Assert.True(entryPoints.Length >= 10, $"found only {entryPoints.Length} LibraryImport declarations in {declarations.Name}");
        return entryPoints.Where(entryPoint => !NativeLibrary.TryGetExport(library, entryPoint, out _)).ToArray();
    }

    /// <summary>Fails the calling test, saying what to install, when the CUDA driver library cannot be loaded.</summary>
    private static void RequireDriver()
    {
        if (!NativeLibraries.TryLoad(NativeLibraries.Cuda, out var reason))
        {
            Assert.Fail("The CUDA driver library is required by these tests, with or without a GPU. " + reason);
        }
    }
}

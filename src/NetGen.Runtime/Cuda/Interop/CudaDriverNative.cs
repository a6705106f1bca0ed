using System.Runtime.InteropServices;

namespace NetGen.Cuda.Interop;

/// <summary>
/// The CUDA driver API (<c>cuda.h</c>), one declaration per function, no logic. Entry points are the versioned
/// symbols <c>cuda.h</c> maps the plain names to (<c>cuMemAlloc</c> → <c>cuMemAlloc_v2</c>, …). A
/// <c>CUdeviceptr</c> is a <see cref="ulong"/>; a <c>CUdevice</c> is an <see cref="int"/> ordinal; contexts,
/// modules, functions, streams and events are <see cref="nint"/> handles. Call through <see cref="Check.Cuda"/>.
/// </summary>
internal static unsafe partial class CudaDriverNative
{
    static CudaDriverNative() => NativeLibraries.EnsureResolverRegistered();

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuInit(uint flags);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuDriverGetVersion(out int version);

    /// <summary>Points <paramref name="name"/> at a static string, or leaves it 0 for a code the driver does not know.</summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuGetErrorName(CudaResult error, out nint name);

    /// <summary>Points <paramref name="description"/> at a static string, or leaves it 0 for a code the driver does not know.</summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuGetErrorString(CudaResult error, out nint description);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuDeviceGetCount(out int count);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuDeviceGet(out int device, int ordinal);

    /// <summary>Writes a NUL-terminated ASCII name of at most <paramref name="length"/> bytes.</summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuDeviceGetName([Out] byte[] name, int length, int device);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuDeviceGetAttribute(out int value, CudaDeviceAttribute attribute, int device);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuDeviceTotalMem_v2(out nuint bytes, int device);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuDevicePrimaryCtxRetain(out nint context, int device);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuDevicePrimaryCtxRelease_v2(int device);

    /// <summary><paramref name="active"/> is 1 while some retain of the primary context is unreleased, 0 once the last is released.</summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuDevicePrimaryCtxGetState(int device, out uint flags, out int active);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuCtxSetCurrent(nint context);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuCtxSynchronize();

    /// <summary>Loads PTX (NUL-terminated) or a CUBIN; PTX is JIT-compiled by the driver.</summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuModuleLoadData(out nint module, byte[] image);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuModuleUnload(nint module);

    [LibraryImport(NativeLibraries.Cuda, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial CudaResult cuModuleGetFunction(out nint function, nint module, string name);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemAlloc_v2(out ulong devicePointer, nuint bytes);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemFree_v2(ulong devicePointer);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemcpyHtoD_v2(ulong destination, void* source, nuint bytes);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemcpyDtoH_v2(void* destination, ulong source, nuint bytes);

    /// <summary>
    /// Ordered in <paramref name="stream"/>. Asynchronous only when <paramref name="source"/> is page-locked
    /// (<see cref="cuMemAllocHost_v2"/>); from pageable memory it returns once the source has been copied to a staging
    /// buffer, so the source may be reused as soon as it returns.
    /// </summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemcpyHtoDAsync_v2(ulong destination, void* source, nuint bytes, nint stream);

    /// <summary>
    /// Ordered in <paramref name="stream"/>. Asynchronous only when <paramref name="destination"/> is page-locked
    /// (<see cref="cuMemAllocHost_v2"/>); to pageable memory it returns once the copy is done.
    /// </summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemcpyDtoHAsync_v2(void* destination, ulong source, nuint bytes, nint stream);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemcpyDtoDAsync_v2(ulong destination, ulong source, nuint bytes, nint stream);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemsetD8_v2(ulong destination, byte value, nuint count);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemsetD32_v2(ulong destination, uint value, nuint count);

    /// <summary>Sets <paramref name="count"/> 32-bit words, ordered in <paramref name="stream"/>. (The asynchronous memsets have no <c>_v2</c> symbol.)</summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemsetD32Async(ulong destination, uint value, nuint count, nint stream);

    /// <summary>Page-locked host memory, which asynchronous copies need.</summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemAllocHost_v2(out void* hostPointer, nuint bytes);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuMemFreeHost(void* hostPointer);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuStreamCreate(out nint stream, uint flags);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuStreamDestroy_v2(nint stream);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuStreamSynchronize(nint stream);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuStreamWaitEvent(nint stream, nint cudaEvent, uint flags);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuEventCreate(out nint cudaEvent, uint flags);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuEventDestroy_v2(nint cudaEvent);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuEventRecord(nint cudaEvent, nint stream);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuEventSynchronize(nint cudaEvent);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuEventElapsedTime(out float milliseconds, nint start, nint end);

    /// <summary>
    /// <paramref name="kernelParameters"/> holds one pointer per kernel parameter, each to that argument's value;
    /// pass null for <paramref name="extra"/>.
    /// </summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuLaunchKernel(
        nint function,
        uint gridX,
        uint gridY,
        uint gridZ,
        uint blockX,
        uint blockY,
        uint blockZ,
        uint sharedMemoryBytes,
        nint stream,
        void** kernelParameters,
        void** extra);
}

/// <summary>The <c>CUdevice_attribute</c> values the runtime reads with <see cref="CudaDriverNative.cuDeviceGetAttribute"/>.</summary>
internal enum CudaDeviceAttribute
{
    MaxThreadsPerBlock = 1,
    MaxSharedMemoryPerBlock = 8,
    WarpSize = 10,
    MultiprocessorCount = 16,
    MaxThreadsPerMultiprocessor = 39,
    ComputeCapabilityMajor = 75,
    ComputeCapabilityMinor = 76,
    MaxSharedMemoryPerMultiprocessor = 81,
    MaxRegistersPerMultiprocessor = 82,
    MaxSharedMemoryPerBlockOptIn = 97,
}

/// <summary>Flags of <see cref="CudaDriverNative.cuStreamCreate"/> (<c>CUstream_flags</c>).</summary>
internal static class CudaStreamFlags
{
    /// <summary><c>CU_STREAM_NON_BLOCKING</c>: the stream does not synchronize with the legacy default stream.</summary>
    internal const uint NonBlocking = 0x1;
}

/// <summary>Flags of <see cref="CudaDriverNative.cuEventCreate"/> (<c>CUevent_flags</c>).</summary>
internal static class CudaEventFlags
{
    /// <summary><c>CU_EVENT_DEFAULT</c>: records timing.</summary>
    internal const uint Default = 0x0;

    /// <summary><c>CU_EVENT_DISABLE_TIMING</c>: cheaper, for ordering only.</summary>
    internal const uint DisableTiming = 0x2;
}

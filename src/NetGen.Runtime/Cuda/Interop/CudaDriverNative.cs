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

    /// <summary>
    /// From here until <see cref="cuStreamEndCapture"/>, work enqueued on <paramref name="stream"/> is recorded into a graph
    /// instead of run. <paramref name="mode"/> is a <see cref="CudaCaptureMode"/>.
    /// </summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuStreamBeginCapture_v2(nint stream, int mode);

    /// <summary>Ends the capture and returns its graph (0 when the capture was invalidated, with that error).</summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuStreamEndCapture(nint stream, out nint graph);

    /// <summary>
    /// While <paramref name="stream"/> captures: <paramref name="dependencies"/> points at the nodes the next captured
    /// operation will depend on — in one stream's capture, the node just captured. Any out argument but the status may be null.
    /// </summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuStreamGetCaptureInfo_v2(nint stream, out int status, ulong* id, nint* graph, nint** dependencies, nuint* dependencyCount);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuGraphInstantiateWithFlags(out nint graphExec, nint graph, ulong flags);

    /// <summary>Runs the instantiated graph in <paramref name="stream"/>'s order, with each node's parameters as they are now.</summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuGraphLaunch(nint graphExec, nint stream);

    /// <summary>
    /// Sets a kernel node's launch parameters in <paramref name="graphExec"/>, for launches after this call; the argument
    /// values are copied here. The <c>_v1</c> parameter layout, exported under the plain name by every driver since CUDA 10.
    /// </summary>
    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuGraphExecKernelNodeSetParams(nint graphExec, nint node, CudaKernelNodeParameters* parameters);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuGraphDestroy(nint graph);

    [LibraryImport(NativeLibraries.Cuda)]
    internal static partial CudaResult cuGraphExecDestroy(nint graphExec);
}

/// <summary><c>CUDA_KERNEL_NODE_PARAMS_v1</c>: a kernel node's function, grid, block and arguments.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CudaKernelNodeParameters
{
    public nint Function;
    public uint GridX;
    public uint GridY;
    public uint GridZ;
    public uint BlockX;
    public uint BlockY;
    public uint BlockZ;
    public uint SharedMemoryBytes;
    public void** KernelParameters;
    public void** Extra;
}

/// <summary><c>CUstreamCaptureMode</c> of <see cref="CudaDriverNative.cuStreamBeginCapture_v2"/>.</summary>
internal static class CudaCaptureMode
{
    /// <summary><c>CU_STREAM_CAPTURE_MODE_THREAD_LOCAL</c>: this thread may not make calls unsafe during a capture; other threads may.</summary>
    internal const int ThreadLocal = 1;
}

/// <summary><c>CUstreamCaptureStatus</c> of <see cref="CudaDriverNative.cuStreamGetCaptureInfo_v2"/>.</summary>
internal static class CudaCaptureStatus
{
    internal const int None = 0;
    internal const int Active = 1;
    internal const int Invalidated = 2;
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

using System;
using NetGen.Cuda.Interop;

namespace NetGen.Cuda;

/// <summary>A device's primary context, retained while a session uses it and made current on the calling thread.</summary>
internal sealed class CudaDeviceContext : IDisposable
{
    private readonly int _device;
    private bool _disposed;

    public CudaDeviceContext(int ordinal)
    {
        Check.Cuda(CudaDriverNative.cuInit(0), "cuInit");
        Check.Cuda(CudaDriverNative.cuDeviceGet(out _device, ordinal), "cuDeviceGet");
        Check.Cuda(CudaDriverNative.cuDevicePrimaryCtxRetain(out var context, _device), "cuDevicePrimaryCtxRetain");
        Handle = context;
        MakeCurrent();
    }

    public nint Handle { get; }

    /// <summary>Binds the context to the calling thread (driver calls act on the current context).</summary>
    public void MakeCurrent() => Check.Cuda(CudaDriverNative.cuCtxSetCurrent(Handle), "cuCtxSetCurrent");

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Check.Cuda(CudaDriverNative.cuDevicePrimaryCtxRelease_v2(_device), "cuDevicePrimaryCtxRelease_v2");
        }
    }
}

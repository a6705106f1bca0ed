using System;
using NetGen.Cuda.Interop;

namespace NetGen.Cuda;

/// <summary>
/// A device's primary context, retained while a session uses it and made current on the calling thread. Driver calls
/// act on the calling thread's current context, and a thread has none until one is set: a session binds it at every
/// public entry, so a call from another thread (an async continuation, a thread-pool callback) finds it.
/// </summary>
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
        var current = false;
        try
        {
            MakeCurrent();
            current = true;
        }
        finally
        {
            if (!current)
            {
                // The constructor's caller never sees this object, so the retain is released here.
                CudaDriverNative.cuDevicePrimaryCtxRelease_v2(_device);
            }
        }
    }

    public nint Handle { get; }

    /// <summary>The device (a <c>CUdevice</c>) whose primary context this is.</summary>
    public int Device => _device;

    /// <summary>Binds the context to the calling thread (driver calls act on the current context). Cheap; allocates nothing.</summary>
    public void MakeCurrent() => Check.Cuda(CudaDriverNative.cuCtxSetCurrent(Handle), "cuCtxSetCurrent");

    /// <summary>Releases the retain; the driver destroys the primary context, and everything allocated in it, with the last one.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Check.Cuda(CudaDriverNative.cuDevicePrimaryCtxRelease_v2(_device), "cuDevicePrimaryCtxRelease_v2");
        }
    }
}

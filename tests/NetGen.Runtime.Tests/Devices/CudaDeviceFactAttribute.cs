using NetGen.Cuda.Interop;

namespace NetGen.Tests.Devices;

/// <summary>A test that needs a CUDA device: it runs where one is present and reports itself skipped, with the reason, where not.</summary>
public sealed class CudaDeviceFactAttribute : FactAttribute
{
    public CudaDeviceFactAttribute()
    {
        if (CudaProbe.TryFind(0, out var reason) is null)
        {
            Skip = "needs a CUDA device: " + reason;
        }
    }
}

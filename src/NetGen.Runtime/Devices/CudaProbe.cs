using System;
using System.Text;
using NetGen.Cuda;
using NetGen.Cuda.Interop;

namespace NetGen;

/// <summary>What a CUDA device offers, as the driver reports it.</summary>
/// <param name="Ordinal">The device's ordinal, as <c>cuDeviceGet</c> takes it.</param>
/// <param name="Name">The device's name.</param>
/// <param name="ComputeCapabilityMajor">The major version of its compute capability.</param>
/// <param name="ComputeCapabilityMinor">The minor version of its compute capability.</param>
/// <param name="TotalMemoryBytes">Its memory.</param>
/// <param name="MultiprocessorCount">
/// Its streaming multiprocessors (132 on an H100 SXM), which decide when a matrix product runs over small tiles
/// (<see cref="Cuda.CudaLaunch.For"/>); 0 when unknown, and the products keep their large tiles.
/// </param>
public sealed record CudaDeviceInfo(int Ordinal, string Name, int ComputeCapabilityMajor, int ComputeCapabilityMinor, long TotalMemoryBytes, int MultiprocessorCount = 0)
{
    public override string ToString() =>
        $"cuda:{Ordinal} {Name} (compute capability {ComputeCapabilityMajor}.{ComputeCapabilityMinor}, {MultiprocessorCount} multiprocessors, {TotalMemoryBytes / (1024 * 1024)} MiB)";
}

/// <summary>
/// Finds out whether CUDA can run here, in the order things fail: the driver library loads, cuInit succeeds, the
/// device exists, NVRTC loads, NVRTC targets the device and the driver can load what it compiles (see
/// <see cref="CudaDriverCompatibility"/>). Each failure becomes a sentence naming what is missing.
/// </summary>
internal static class CudaProbe
{
    /// <summary>The device with <paramref name="ordinal"/>, or null with <paramref name="reason"/> saying why not.</summary>
    public static CudaDeviceInfo? TryFind(int ordinal, out string reason)
    {
        if (!NativeLibraries.TryLoad(NativeLibraries.Cuda, out var driverFailure))
        {
            reason = "the CUDA driver library is not installed (" + driverFailure + ")";
            return null;
        }

        try
        {
            Check.Cuda(CudaDriverNative.cuInit(0), "cuInit");
            Check.Cuda(CudaDriverNative.cuDeviceGetCount(out var count), "cuDeviceGetCount");
            if (ordinal >= count)
            {
                reason = count == 0
                    ? "the CUDA driver reports no device"
                    : $"CUDA device {ordinal} was requested but the driver reports {count} device{(count == 1 ? string.Empty : "s")} (ordinals 0–{count - 1})";
                return null;
            }

            if (!Nvrtc.IsAvailable(out var nvrtcFailure))
            {
                reason = "NVRTC, which compiles the network's kernels, is not installed (" + nvrtcFailure + ")";
                return null;
            }

            var device = Describe(ordinal);
            if (CudaDriverCompatibility.ProblemFor(device.ComputeCapabilityMajor, device.ComputeCapabilityMinor) is { } problem)
            {
                reason = problem;
                return null;
            }

            reason = string.Empty;
            return device;
        }
        catch (Exception exception) when (exception is CudaException or NvrtcException or NotSupportedException)
        {
            reason = exception.Message.TrimEnd('.');
            return null;
        }
    }

    private static CudaDeviceInfo Describe(int ordinal)
    {
        Check.Cuda(CudaDriverNative.cuDeviceGet(out var device, ordinal), "cuDeviceGet");
        var name = new byte[256];
        Check.Cuda(CudaDriverNative.cuDeviceGetName(name, name.Length, device), "cuDeviceGetName");
        Check.Cuda(CudaDriverNative.cuDeviceGetAttribute(out var major, CudaDeviceAttribute.ComputeCapabilityMajor, device), "cuDeviceGetAttribute");
        Check.Cuda(CudaDriverNative.cuDeviceGetAttribute(out var minor, CudaDeviceAttribute.ComputeCapabilityMinor, device), "cuDeviceGetAttribute");
        Check.Cuda(CudaDriverNative.cuDeviceGetAttribute(out var multiprocessors, CudaDeviceAttribute.MultiprocessorCount, device), "cuDeviceGetAttribute");
        Check.Cuda(CudaDriverNative.cuDeviceTotalMem_v2(out var memory, device), "cuDeviceTotalMem_v2");
        var length = Array.IndexOf(name, (byte)0);
        return new CudaDeviceInfo(ordinal, Encoding.ASCII.GetString(name, 0, length < 0 ? name.Length : length), major, minor, (long)memory, multiprocessors);
    }
}

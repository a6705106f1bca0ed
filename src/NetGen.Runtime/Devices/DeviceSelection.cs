using System;
using System.IO;
using System.Threading;

namespace NetGen;

/// <summary>The device a run uses: the CPU, or a CUDA device; for an automatic choice that fell back, the reason.</summary>
public sealed record DeviceSelection(DeviceKind Kind, CudaDeviceInfo? Cuda, string? FallbackReason)
{
    public bool IsCuda => Kind == DeviceKind.Cuda;

    public override string ToString() => Cuda?.ToString() ?? "cpu";

    private static int s_fallbackReported;

    /// <summary>Lets the next automatic fallback report its line again (for tests of the line itself).</summary>
    internal static void ForgetReportedFallback() => Interlocked.Exchange(ref s_fallbackReported, 0);

    /// <summary>
    /// Resolves a requested device. <see cref="ComputeDevice.Auto"/> picks CUDA when it can run and otherwise the CPU,
    /// writing one line saying why to <paramref name="log"/> (standard error by default) the first time in the process.
    /// </summary>
    /// <exception cref="CudaUnavailableException">CUDA was requested explicitly and cannot run; the message says what is missing.</exception>
    public static DeviceSelection Resolve(ComputeDevice requested, TextWriter? log = null)
    {
        switch (requested.Kind)
        {
            case DeviceKind.Cpu:
                return new DeviceSelection(DeviceKind.Cpu, null, null);
            case DeviceKind.Cuda:
                var device = CudaProbe.TryFind(requested.Ordinal, out var reason);
                return device is not null
                    ? new DeviceSelection(DeviceKind.Cuda, device, null)
                    : throw new CudaUnavailableException($"CUDA device {requested.Ordinal} cannot be used: {reason}.");
            default:
                var found = CudaProbe.TryFind(0, out var why);
                if (found is not null)
                {
                    return new DeviceSelection(DeviceKind.Cuda, found, null);
                }

                if (Interlocked.Exchange(ref s_fallbackReported, 1) == 0)
                {
                    (log ?? Console.Error).WriteLine("NetGen: running on the CPU because " + why + ".");
                }

                return new DeviceSelection(DeviceKind.Cpu, null, why);
        }
    }
}

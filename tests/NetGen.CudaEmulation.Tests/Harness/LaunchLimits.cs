using System;
using NetGen.Cuda;

namespace NetGen.CudaEmulation.Tests.Harness;

/// <summary>The launch limits <c>cuLaunchKernel</c> enforces on a GPU, enforced on every emulated launch and by the metadata tests.</summary>
internal static class LaunchLimits
{
    /// <summary>What of <see cref="CudaLimits"/> the launch passes at this batch size; null when it fits.</summary>
    public static string? Violation(CudaLaunch launch, int batchSize)
    {
        var (x, y, z) = launch.Grid(batchSize);
        if (x > CudaLimits.GridX || y > CudaLimits.GridYZ || z > CudaLimits.GridYZ)
        {
            return $"grid ({x}, {y}, {z}) passes ({CudaLimits.GridX}, {CudaLimits.GridYZ}, {CudaLimits.GridYZ})";
        }

        return launch.BlockThreads is < 1 or > CudaLimits.BlockThreads
            ? $"{launch.BlockThreads} threads a block is outside 1…{CudaLimits.BlockThreads}"
            : null;
    }

    /// <summary>Throws as a GPU would refuse the launch (CUDA_ERROR_INVALID_VALUE), saying which limit it passes.</summary>
    public static void Check(string network, CudaLaunch launch, int batchSize)
    {
        if (Violation(launch, batchSize) is { } violation)
        {
            throw new InvalidOperationException($"{network}: {launch.Kernel} at batch {batchSize}: {violation}; a GPU refuses this launch.");
        }
    }
}

using System;
using System.Runtime;

namespace NetGen.Tests;

/// <summary>
/// Measures the managed bytes an action allocates on the calling thread. The action runs inside a no-GC
/// region: a collection started by another thread in the middle would retire this thread's allocation
/// context and make <see cref="GC.GetAllocatedBytesForCurrentThread"/> jump by the context's unused part
/// (up to 8 KB) although nothing was allocated.
/// </summary>
internal static class AllocationMeter
{
    private const long Budget = 64L * 1024 * 1024;

    public static long BytesAllocatedBy(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var inRegion = GCSettings.LatencyMode != GCLatencyMode.NoGCRegion && GC.TryStartNoGCRegion(Budget);
        try
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        finally
        {
            if (inRegion && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }
}

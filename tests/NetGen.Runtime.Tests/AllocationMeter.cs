using System;

namespace NetGen.Tests;

/// <summary>
/// Measures the managed bytes an action allocates on the calling thread. A blocking collection first
/// empties this thread's allocation context: otherwise a background collection ending during the action
/// retires the context without subtracting its unused part, and
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> jumps by up to 8 KB although nothing was allocated.
/// </summary>
internal static class AllocationMeter
{
    public static long BytesAllocatedBy(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

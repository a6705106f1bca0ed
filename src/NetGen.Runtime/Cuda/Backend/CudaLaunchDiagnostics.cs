using System;

namespace NetGen.Cuda;

/// <summary>
/// How a <see cref="CudaSession"/> names what failed. A kernel that faults (an illegal address, a trap) does not fail
/// its <c>cuLaunchKernel</c>, which only enqueues it: the fault surfaces at the next call that waits for the stream,
/// usually <c>cuStreamSynchronize</c> in <see cref="CudaSession.Finish"/>, with no kernel's name. Under the debug switch
/// <c>NETGEN_CUDA_SYNC_LAUNCHES=1</c> (as <c>CUDA_LAUNCH_BLOCKING=1</c> does for the CUDA runtime) the session waits
/// after every launch, so the failure names its kernel; without it the failure names the launch sequence that was
/// running and suggests the switch.
/// </summary>
internal static class CudaLaunchDiagnostics
{
    /// <summary>The environment variable a session reads when it opens.</summary>
    public const string SynchronizeLaunchesVariable = "NETGEN_CUDA_SYNC_LAUNCHES";

    private const string SynchronizeCall = "cuStreamSynchronize";

    /// <summary>Whether the switch's value turns it on: 1, true or yes (any case, blanks around ignored).</summary>
    public static bool IsOn(string? value)
    {
        var text = value?.Trim();
        return text is not null &&
            (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether <see cref="SynchronizeLaunchesVariable"/> is on in this process's environment.</summary>
    public static bool SynchronizeLaunchesFromEnvironment() => IsOn(Environment.GetEnvironmentVariable(SynchronizeLaunchesVariable));

    /// <summary>The call a failure after one launch is reported as: <c>cuStreamSynchronize after dense_forward_Hidden</c>.</summary>
    public static string SynchronizeAfterKernel(string kernel) => SynchronizeCall + " after " + kernel;

    /// <summary>The call a failure at a wait is reported as, naming the work enqueued since the last wait (if any).</summary>
    public static string SynchronizeAfter(string? work) => work is null ? SynchronizeCall : SynchronizeCall + " after " + work;

    /// <summary>What to add to a failure at a wait: with launches synchronized nothing (the launch would have been named), otherwise the switch.</summary>
    public static string? Hint(bool launchesSynchronized) => launchesSynchronized
        ? null
        : "A kernel fault surfaces at the next wait, so the failure may come from any kernel or copy enqueued since the last one; " +
          $"run with {SynchronizeLaunchesVariable}=1 (or set CudaSession.SynchronizeLaunches) to wait after every launch and name the kernel that failed";
}

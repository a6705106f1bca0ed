using System;
using NetGen.Cpu;

namespace NetGen.Search;

/// <summary>
/// Divides <see cref="CpuThreads.Max"/> between trials trained at once, so that trials × threads stay within it, and
/// puts the old value back when disposed.
/// </summary>
internal sealed class CpuThreadShare : IDisposable
{
    private readonly int _original;

    public CpuThreadShare(int parallelTrials)
    {
        _original = CpuThreads.Max;
        ParallelTrials = Math.Clamp(parallelTrials, 1, _original);
        CpuThreads.Max = Math.Max(1, _original / ParallelTrials);
    }

    /// <summary>The trials to run at once: the number asked for, at most the thread count.</summary>
    public int ParallelTrials { get; }

    public void Dispose() => CpuThreads.Max = _original;
}

namespace NetGen.Cpu;

/// <summary>
/// Work that <see cref="WorkerPool"/> runs in parts, one part per thread. Instances are cached and reused by their
/// owners, so that posting a job allocates nothing.
/// </summary>
internal abstract class WorkerPoolJob
{
    /// <summary>
    /// Runs part <paramref name="part"/> (0-based) of the job. Parts run concurrently, so they must write disjoint
    /// memory; what a part computes must not depend on which thread runs it.
    /// </summary>
    public abstract void Run(int part);
}

namespace NetGen.Tests.Cpu;

/// <summary>
/// Tests that change <c>WorkerPool.MaxThreads</c> or need the pool to themselves: they run one at a time and never
/// alongside other tests, so a job posted by a test is not pushed onto the calling thread by someone else's job.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerPoolCollection
{
    public const string Name = "NetGen.Cpu.WorkerPool";
}

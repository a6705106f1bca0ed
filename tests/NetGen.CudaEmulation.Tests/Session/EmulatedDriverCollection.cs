namespace NetGen.CudaEmulation.Tests.Session;

/// <summary>
/// The tests that run <see cref="NetGen.Cuda.CudaSession"/> on the emulated driver. The driver is one per process (its
/// registered library, its counts of what is live), so they run alone, one at a time, after the parallel collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmulatedDriverCollection
{
    public const string Name = "NetGen.CudaEmulation.EmulatedDriver";
}

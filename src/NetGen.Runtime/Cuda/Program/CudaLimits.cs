namespace NetGen.Cuda;

/// <summary>
/// What every CUDA GPU NetGen targets (compute capability 7.0 and up) refuses beyond: the launch limits of
/// <c>cuLaunchKernel</c> and the 32-bit indices of the generated kernels. The emulation harness enforces the same numbers,
/// so that a launch a GPU would refuse fails in the tests too.
/// </summary>
public static class CudaLimits
{
    /// <summary>Blocks along grid x.</summary>
    public const long GridX = int.MaxValue;

    /// <summary>Blocks along grid y and along grid z.</summary>
    public const long GridYZ = 65_535;

    /// <summary>Threads per block.</summary>
    public const int BlockThreads = 1_024;

    /// <summary>Static shared memory per block, in bytes (more needs dynamic shared memory and an opt-in attribute).</summary>
    public const int StaticSharedMemoryBytes = 48 * 1_024;

    /// <summary>32-bit registers per block: registers per thread × threads per block must not exceed it.</summary>
    public const int RegistersPerBlock = 65_536;

    /// <summary>Elements of one buffer: the kernels index buffers with 32-bit <c>int</c>s.</summary>
    public const long BufferElements = int.MaxValue;
}

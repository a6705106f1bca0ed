namespace NetGen.Cpu;

/// <summary>Which vector instructions the CPU backend's kernels run on this machine and in this process.</summary>
/// <remarks>
/// The fastest the processor and the runtime allow: AVX-512 where <c>Vector512</c> is accelerated, else AVX2 with FMA,
/// else scalar code. <c>DOTNET_EnableAVX512=0</c> turns AVX-512 off under the JIT; a NativeAOT binary has what its
/// instruction set allows (NetGen's build targets choose x86-64-v3 for x64 unless <c>IlcInstructionSet</c> is set).
/// </remarks>
public static class CpuKernels
{
    /// <summary>"AVX-512", "AVX2+FMA" or "scalar".</summary>
    public static string InstructionSet => MatrixMultiplyKernels.Best switch
    {
        MatrixMultiplyKernel.Vector512 => "AVX-512",
        MatrixMultiplyKernel.Vector256 => "AVX2+FMA",
        _ => "scalar",
    };
}

namespace NetGen.Cpu;

/// <summary>Which vector instructions the CPU backend's kernels run on this machine and in this process.</summary>
/// <remarks>
/// The fastest the processor and the runtime allow: AVX-512 where <c>Vector512</c> is accelerated, else AVX2 with FMA,
/// else 128-bit vectors with fused multiply-add (ARM64), else scalar code. <c>DOTNET_EnableAVX512=0</c> turns AVX-512
/// off under the JIT; a NativeAOT binary has what its instruction set allows (NetGen's build targets choose x86-64-v3
/// for x64 unless <c>IlcInstructionSet</c> is set).
/// </remarks>
public static class CpuKernels
{
    /// <summary>"AVX-512", "AVX2+FMA", "128-bit vectors" (ARM64's AdvSimd, or x86 without AVX2) or "scalar".</summary>
    public static string InstructionSet => MatrixMultiplyKernels.Best switch
    {
        MatrixMultiplyKernel.Vector512 => "AVX-512",
        MatrixMultiplyKernel.Vector256 => "AVX2+FMA",
        MatrixMultiplyKernel.Vector128 => "128-bit vectors",
        _ => "scalar",
    };
}

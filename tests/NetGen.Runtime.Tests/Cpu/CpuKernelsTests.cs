using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NetGen.Cpu;

namespace NetGen.Tests.Cpu;

public sealed class CpuKernelsTests
{
    // scripts/test.sh runs the kernel tests a second time with DOTNET_EnableAVX512=0: this pins that the setting it
    // uses really moves the kernels off AVX-512 (a misspelt one is ignored by the runtime without a word).
    [Fact]
    public void The_instruction_set_follows_the_hardware_and_the_runtime_setting_that_hides_AVX512()
    {
        bool avx512Hidden = Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0";
        string expected = Avx512F.IsSupported && !avx512Hidden ? "AVX-512"
            : Fma.IsSupported && Vector256.IsHardwareAccelerated ? "AVX2+FMA"
            : CpuKernels.InstructionSet;

        Assert.Equal(expected, CpuKernels.InstructionSet);
        Assert.Equal(!avx512Hidden && Avx512F.IsSupported, Vector512.IsHardwareAccelerated);
    }
}

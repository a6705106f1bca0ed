using NetGen.CudaEmulation.Tests.Harness;
using NetGen.Internal;
using NetGen.Samples.Xor;

namespace NetGen.CudaEmulation.Tests;

/// <summary>
/// The prelude's ng_uniform and ng_normal, run as the generated CUDA runs them, draw the same floats bit for bit as the
/// runtime's Philox.Uniform and Philox.Normal (the emulation's double log, sin and cos are the CPU's libm, as .NET's are).
/// </summary>
public sealed class RandomStreamTests
{
    private const int Count = 4099;

    private const string DrawKernel = """

        extern "C" __global__ void __launch_bounds__(256) uniform_draws(float* __restrict__ out, unsigned int seed, unsigned long long step, unsigned int stream, int count)
        {
            const int i = blockIdx.x * NG_THREADS + threadIdx.x;
            if (i < count)
            {
                out[i] = ng_uniform(seed, step, stream, (unsigned int)i);
            }
        }

        extern "C" __global__ void __launch_bounds__(256) normal_draws(float* __restrict__ out, unsigned int seed, unsigned long long step, unsigned int stream, int count)
        {
            const int i = blockIdx.x * NG_THREADS + threadIdx.x;
            if (i < count)
            {
                out[i] = ng_normal(seed, step, stream, (unsigned int)i);
            }
        }
        """;

    private static readonly (uint Seed, ulong Step, uint Stream)[] s_cases =
        [(0, 1, 0), (42, 7, 3), (uint.MaxValue, 0x1_0000_0003, 9), (123456789, ulong.MaxValue, uint.MaxValue)];

    [Fact]
    public void The_prelude_draws_what_the_runtime_draws_for_every_element_seed_step_and_stream() =>
        AssertDrawsMatch("uniform_draws", Philox.Uniform);

    [Fact]
    public void The_prelude_draws_the_normals_the_runtime_draws_for_every_element_seed_step_and_stream() =>
        AssertDrawsMatch("normal_draws", Philox.Normal);

    private static void AssertDrawsMatch(string kernel, System.Func<uint, ulong, uint, uint, float> runtime)
    {
        // Any network's source carries the prelude.
        using var bench = new KernelBench("random_draws", XorNet.CudaSource + DrawKernel, EmulationMode.InProcess, ("out", Count));
        foreach (var (seed, step, stream) in s_cases)
        {
            bench.Floats("out").Fill(float.NaN);
            bench.Launch(kernel, ((Count + 255) / 256, 1, 1), 256, 5, "out", seed, step, stream, Count);
            var drawn = bench.Floats("out").ToArray();
            for (var i = 0; i < Count; i++)
            {
                var expected = runtime(seed, step, stream, (uint)i);
                Assert.True(System.BitConverter.SingleToUInt32Bits(expected) == System.BitConverter.SingleToUInt32Bits(drawn[i]),
                    $"{kernel}: seed {seed}, step {step}, stream {stream}, element {i}: the runtime draws {expected:R}, the CUDA {drawn[i]:R}");
            }
        }
    }
}

using System;
using System.Linq;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Harness;
using NetGen.CudaEmulation.Tests.Networks;
using NetGen.CudaEmulation.Tests.Parity;
using Xunit.Abstractions;
using NetGen.Samples.Mnist;
using NetGen.Samples.Xor;

namespace NetGen.CudaEmulation.Tests;

/// <summary>
/// The harness catches bugs in the real generated kernels: a network's CUDA source with a barrier removed or a store
/// dropped (a "mutant", built with the same launch metadata) must disagree with the CPU, trip the unwritten-element
/// check, or be reported by ThreadSanitizer.
/// </summary>
public sealed class MutantTests(ITestOutputHelper output)
{
    private const string GemmTile = "ng_gemm_tile(const Problem& problem";
    private const string BlockSum = "ng_block_sum(double value)";
    private const string Barrier = "__syncthreads();";

    [Fact]
    public void Removing_the_matrix_product_s_second_barrier_breaks_the_forward_pass()
    {
        // MnistMlp's hidden layer multiplies over k = 784: 49 tiles, each loaded over the last while slow threads still read it.
        var mutant = Mutate(MnistMlp.CudaProgram, "no-second-gemm-barrier", source => RemoveBarrier(source, GemmTile, occurrence: 2));
        var mismatches = ForwardMismatches(new MnistMlp(), mutant, batch: 3);
        output.WriteLine($"{mismatches} of {3 * MnistMlp.OutputSize} outputs differ from the CPU");
        Assert.True(mismatches > 0, "The forward pass still matched the CPU with the tile loop's second __syncthreads() removed.");
    }

    [Fact]
    public void Removing_the_block_sum_s_first_barrier_breaks_the_loss()
    {
        var mutant = Mutate(XorNet.CudaProgram, "no-first-block-sum-barrier", source => RemoveBarrier(source, BlockSum, occurrence: 1));
        var cpu = new XorNet();
        TestData.Randomize(cpu, 8);
        const int batch = 4;
        var inputs = TestData.Inputs(cpu, batch, 8);
        var targets = TestData.Targets(cpu, batch, 8);
        var loss = cpu.ComputeLoss(inputs, targets);
        using var gpu = new EmulatedCudaProgram(mutant, batch, 8, EmulationMode.InProcess);
        gpu.Upload(CudaBufferNames.Inputs, inputs);
        gpu.Upload(CudaBufferNames.Targets, targets);
        gpu.Upload(CudaBufferNames.Parameters, cpu.Parameters);
        gpu.RunForward();
        gpu.RunLoss();
        var actual = gpu.Floats(CudaBufferNames.Loss)[0];
        output.WriteLine($"CPU loss {loss}, mutant's {actual}");
        Assert.False(Math.Abs(actual - loss) <= 1e-5 * Math.Abs(loss), "The loss still matched the CPU with the block sum's first __syncthreads() removed.");
    }

    [Fact]
    public void A_matrix_product_that_skips_its_last_column_is_caught_as_unwritten()
    {
        var mutant = Mutate(IdentityNet.CudaProgram, "skips-last-column", source =>
            Replace(source, "if (m < m_count && n < n_count)", "if (m < m_count && n < n_count - 1)"));
        using var gpu = new EmulatedCudaProgram(mutant, 3, 1, EmulationMode.InProcess);
        var cpu = new IdentityNet();
        gpu.Upload(CudaBufferNames.Inputs, TestData.Inputs(cpu, 3, 1));
        gpu.Upload(CudaBufferNames.Parameters, cpu.Parameters);
        var error = Assert.Throws<InvalidOperationException>(gpu.RunForward);
        output.WriteLine(error.Message);
        Assert.Contains("never written", error.Message);
        Assert.Contains("a_Hidden", error.Message);
    }

    [Fact]
    public void ThreadSanitizer_reports_the_matrix_product_without_its_second_barrier()
    {
        // IdentityNet's output layer multiplies over k = 70 (5 tiles); batch 1 keeps the run short under the sanitizer.
        var mutant = Mutate(IdentityNet.CudaProgram, "no-second-gemm-barrier", source => RemoveBarrier(source, GemmTile, occurrence: 2));
        var cpu = new IdentityNet();
        using var gpu = new EmulatedCudaProgram(mutant, 1, 1, EmulationMode.ThreadSanitizer);
        gpu.Upload(CudaBufferNames.Inputs, TestData.Inputs(cpu, 1, 1));
        gpu.Upload(CudaBufferNames.Parameters, cpu.Parameters);
        gpu.RunForward();
        var error = Assert.Throws<InvalidOperationException>(gpu.Finish);
        output.WriteLine(string.Join('\n', error.Message.Split('\n').Take(30)));
        Assert.Contains("WARNING: ThreadSanitizer: data race", error.Message);
        Assert.Contains("ng_gemm_tile", error.Message);
    }

    private static int ForwardMismatches(INetwork cpu, CudaProgram program, int batch)
    {
        TestData.Randomize(cpu, 5);
        var inputs = TestData.Inputs(cpu, batch, 5);
        var expected = new float[batch * cpu.OutputSize];
        cpu.Forward(inputs, expected);
        using var gpu = new EmulatedCudaProgram(program, batch, 5, EmulationMode.InProcess);
        gpu.Upload(CudaBufferNames.Inputs, inputs);
        gpu.Upload(CudaBufferNames.Parameters, cpu.Parameters);
        gpu.RunForward();
        var actual = gpu.Floats(program.OutputBuffer).ToArray();
        return expected.Where((value, index) => !(Math.Abs(actual[index] - value) <= (1e-5 * Math.Abs(value)) + 1e-6)).Count();
    }

    /// <summary>The program with its source changed and everything else (buffers, launches) as generated.</summary>
    private static CudaProgram Mutate(CudaProgram program, string mutation, Func<string, string> change) =>
        new(program.NetworkName + "-" + mutation, change(program.GeneratedSource), program.Buffers, program.Forward, program.Loss, program.Backward,
            program.ClipNorm, program.OptimizerSteps, program.OutputBuffer);

    /// <summary>Removes the <paramref name="occurrence"/>-th __syncthreads() after <paramref name="function"/>'s signature.</summary>
    private static string RemoveBarrier(string source, string function, int occurrence)
    {
        var index = source.IndexOf(function, StringComparison.Ordinal);
        Assert.True(index >= 0, $"The generated prelude no longer contains '{function}'; update this test.");
        for (var found = 0; found < occurrence; found++)
        {
            index = source.IndexOf(Barrier, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{function}' no longer has {occurrence} __syncthreads(); update this test.");
        }

        return source.Remove(index, Barrier.Length).Insert(index, "/* barrier removed by the test */");
    }

    private static string Replace(string source, string from, string to)
    {
        Assert.Contains(from, source);
        return source.Replace(from, to, StringComparison.Ordinal);
    }
}

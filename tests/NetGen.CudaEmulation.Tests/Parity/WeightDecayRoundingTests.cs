using System.Linq;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Harness;
using NetGen.Optimizers;
using NetGen.Samples.Xor;

namespace NetGen.CudaEmulation.Tests.Parity;

/// <summary>
/// The generated optimizer steps add the L2 term with one rounding, as the CPU does: where g ≈ −λθ a second rounding
/// changes Adam's first step by 0.3 %, far beyond the parity tolerance.
/// </summary>
public sealed class WeightDecayRoundingTests
{
    [Fact]
    public void Adam_with_L2_decay_takes_the_cpu_step_bit_for_bit_where_the_gradient_cancels_the_decay()
    {
        const float theta = -0.0033907949f, gradient = 0.00033907086f;
        var count = XorNet.ParameterCount;
        var parameters = Enumerable.Repeat(theta, count).ToArray();
        var gradients = Enumerable.Repeat(gradient, count).ToArray();
        using var gpu = new EmulatedCudaProgram(XorNet.CudaProgram, 1, seed: 1);
        gpu.Upload(CudaBufferNames.Parameters, parameters);
        gpu.Upload(CudaBufferNames.Gradients, gradients);
        gpu.Floats(CudaBufferNames.FirstOptimizerState).Clear();
        gpu.Floats(CudaBufferNames.SecondOptimizerState).Clear();
        gpu.Floats(CudaBufferNames.Loss)[0] = 1f; // the ClipNorm pass leaves out a step whose loss is not finite

        var adam = new Adam(0.01f) { WeightDecay = 0.1f };
        adam.Step(parameters, gradients);
        gpu.RunOptimizerStep(adam);

        Assert.Equal(0.0012419301f, parameters[0], 1e-9f);
        Assert.Equal(parameters, gpu.Floats(CudaBufferNames.Parameters).ToArray());
        gpu.Finish();
    }
}

using System;
using NetGen.Cuda;
using NetGen.CudaEmulation.Tests.Harness;
using NetGen.CudaEmulation.Tests.Parity;
using NetGen.Optimizers;

namespace NetGen.CudaEmulation.Tests;

/// <summary>
/// The generated non-finite guard: the ClipNorm pass records what of the loss and the gradients is NaN or ±∞ in
/// <see cref="CudaBufferNames.FirstNonFinite"/>, and every update kernel then leaves parameters and optimizer state alone.
/// </summary>
public sealed class NonFiniteStepTests
{
    public static TheoryData<string> Rules => new() { "Sgd", "Momentum", "Nesterov", "Adagrad", "AdaDelta", "RmsProp", "Rprop", "Adam" };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_nan_gradient_is_flagged_by_index_and_the_update_changes_nothing(string rule)
    {
        using var step = GuardedStep.Open("XorNet", Optimizer(rule));
        step.Gradients[11] = float.NaN;
        step.Gradients[14] = float.PositiveInfinity;

        step.Run();

        Assert.Equal(11, step.FirstNonFinite);
        step.AssertUnchanged();
    }

    [Fact]
    public void An_infinite_loss_is_flagged_before_the_gradients_and_the_update_changes_nothing()
    {
        using var step = GuardedStep.Open("XorNet", new Adam(0.01f));
        step.Loss = float.PositiveInfinity;
        step.Gradients[3] = float.NaN;

        step.Run();

        Assert.Equal(CudaNonFinite.Loss, step.FirstNonFinite);
        step.AssertUnchanged();
    }

    [Fact]
    public void An_infinite_gradient_is_flagged_with_norm_clipping_on()
    {
        using var step = GuardedStep.Open("XorNet", new Sgd(0.1f) { ClipNorm = 1f });
        step.Gradients[0] = float.NegativeInfinity;

        step.Run();

        Assert.Equal(0, step.FirstNonFinite);
        step.AssertUnchanged();
    }

    [Fact]
    public void Finite_values_are_flagged_as_such_and_the_step_is_taken()
    {
        using var step = GuardedStep.Open("XorNet", new Adam(0.01f));

        step.Run();

        Assert.Equal(CudaNonFinite.AllFinite, step.FirstNonFinite);
        Assert.NotEqual(step.ParametersBefore, step.Parameters.ToArray());
    }

    [Fact]
    public void The_first_non_finite_gradient_is_found_across_the_norm_blocks_of_a_large_network()
    {
        // MnistMlp's 101,770 gradients are summed by 64 blocks; the index lies in the last parameter tensor.
        using var step = GuardedStep.Open("MnistMlp", new Momentum(0.05f, 0.9f));
        step.Gradients[101_765] = float.NaN;
        step.Gradients[101_769] = float.NaN;

        step.Run();

        Assert.Equal(101_765, step.FirstNonFinite);
        step.AssertUnchanged();
    }

    private static Optimizer Optimizer(string rule) => rule switch
    {
        "Sgd" => new Sgd(0.1f),
        "Momentum" => new Momentum(0.1f, 0.9f),
        "Nesterov" => new Nesterov(0.1f, 0.9f),
        "Adagrad" => new Adagrad(0.1f),
        "AdaDelta" => new AdaDelta(1f, 0.9f, 1e-6f),
        "RmsProp" => new RmsProp(0.01f, 0.9f),
        "Rprop" => new Rprop(0.05f),
        _ => new Adam(0.01f),
    };

    /// <summary>One optimizer step of a network's program on seeded parameters, gradients and optimizer state.</summary>
    private sealed class GuardedStep : IDisposable
    {
        private readonly EmulatedCudaProgram _gpu;
        private readonly Optimizer _optimizer;
        private readonly float[] _firstStateBefore;
        private readonly float[] _secondStateBefore;

        private GuardedStep(EmulatedCudaProgram gpu, Optimizer optimizer, float[] parameters)
        {
            _gpu = gpu;
            _optimizer = optimizer;
            ParametersBefore = parameters;
            _firstStateBefore = TestData.Gradients(parameters.Length, seed: 2);
            _secondStateBefore = Array.ConvertAll(TestData.Gradients(parameters.Length, seed: 3), Math.Abs);
            gpu.Upload(CudaBufferNames.Parameters, parameters);
            gpu.Upload(CudaBufferNames.Gradients, TestData.Gradients(parameters.Length, seed: 1));
            gpu.Upload(CudaBufferNames.FirstOptimizerState, _firstStateBefore);
            gpu.Upload(CudaBufferNames.SecondOptimizerState, _secondStateBefore);
            Loss = 0.5f;
        }

        public float[] ParametersBefore { get; }

        public Span<float> Parameters => _gpu.Floats(CudaBufferNames.Parameters);

        public Span<float> Gradients => _gpu.Floats(CudaBufferNames.Gradients);

        public float Loss
        {
            set => _gpu.Floats(CudaBufferNames.Loss)[0] = value;
        }

        public int FirstNonFinite => _gpu.Ints(CudaBufferNames.FirstNonFinite)[0];

        public static GuardedStep Open(string network, Optimizer optimizer)
        {
            var entry = NetworkCatalog.Get(network);
            var cpu = entry.Create();
            TestData.Randomize(cpu, seed: 7);
            return new GuardedStep(new EmulatedCudaProgram(entry.Program, batchSize: 1, seed: 7), optimizer, cpu.Parameters.ToArray());
        }

        public void Run()
        {
            _optimizer.CountStep(); // as the CUDA backend does before binding the step's floats
            _gpu.RunOptimizerStep(_optimizer);
        }

        /// <summary>Parameters and both optimizer-state buffers hold bit for bit what they held before the step.</summary>
        public void AssertUnchanged()
        {
            Assert.Equal(Bits(ParametersBefore), Bits(Parameters));
            Assert.Equal(Bits(_firstStateBefore), Bits(_gpu.Floats(CudaBufferNames.FirstOptimizerState)));
            Assert.Equal(Bits(_secondStateBefore), Bits(_gpu.Floats(CudaBufferNames.SecondOptimizerState)));
        }

        public void Dispose()
        {
            _gpu.Finish();
            _gpu.Dispose();
        }

        private static int[] Bits(ReadOnlySpan<float> values)
        {
            var bits = new int[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                bits[i] = BitConverter.SingleToInt32Bits(values[i]);
            }

            return bits;
        }
    }
}

using System;
using System.Collections.Generic;
using NetGen.Cuda;
using NetGen.Optimizers;

namespace NetGen.Tests.Cuda;

/// <summary>The floats each update kernel gets equal the optimizer's own per-step scalars (see the optimizers' formulas).</summary>
public sealed class CudaOptimizerBindingTests
{
    [Fact]
    public void Adam_gets_its_bias_corrections_for_the_current_step()
    {
        var adam = new Adam(learningRate: 0.01f, beta1: 0.8f, beta2: 0.99f, epsilon: 1e-6f) { WeightDecay = 0.1f, L1Decay = 0.03f, ClipValue = 2f };
        adam.CountStep();
        adam.CountStep();
        var floats = new Dictionary<string, float>();

        CudaOptimizerBinding.Bind(adam, floats);

        Assert.Equal("Adam", CudaOptimizerBinding.Rule(adam));
        Assert.Equal((float)(0.01f / (1 - Math.Pow(0.8f, 2))), floats["step_size"]);
        Assert.Equal((float)(1 / Math.Sqrt(1 - Math.Pow(0.99f, 2))), floats["inverse_sqrt_second_correction"]);
        Assert.Equal(1f, floats["retained_fraction"]);
        Assert.Equal(0.1f, floats["l2_weight_decay"]);
        Assert.Equal(0.03f, floats["l1_weight_decay"]);
        Assert.Equal(2f, floats["clip_bound"]);
        Assert.Equal(float.PositiveInfinity, floats["max_norm"]);
        Assert.Equal(1e-6f, floats["epsilon"]);
    }

    [Fact]
    public void AdamW_decouples_its_L2_decay_into_the_retained_fraction_and_keeps_L1_in_the_gradient()
    {
        var adamW = new AdamW(learningRate: 0.01f) { WeightDecay = 0.5f, L1Decay = 0.25f, ClipNorm = 3f };
        adamW.CountStep();
        var floats = new Dictionary<string, float>();

        CudaOptimizerBinding.Bind(adamW, floats);

        Assert.Equal("Adam", CudaOptimizerBinding.Rule(adamW));
        Assert.Equal(0f, floats["l2_weight_decay"]);
        Assert.Equal(0.25f, floats["l1_weight_decay"]); // only the L2 part is decoupled
        Assert.Equal((float)(1 - (0.01 * 0.5)), floats["retained_fraction"]);
        Assert.Equal(3f, floats["max_norm"]);
        Assert.Equal(float.PositiveInfinity, floats["clip_bound"]);
    }

    [Fact]
    public void Rprop_gets_its_initial_step_factors_and_bounds()
    {
        var rprop = new Rprop(learningRate: 0.1f, etaMinus: 0.25f, etaPlus: 1.5f, minStepSize: 0.001f, maxStepSize: 2f) { L1Decay = 0.03f, ClipNorm = 3f };
        rprop.CountStep();
        var floats = new Dictionary<string, float>();

        CudaOptimizerBinding.Bind(rprop, floats);

        Assert.Equal("Rprop", CudaOptimizerBinding.Rule(rprop));
        Assert.Equal(0.1f, floats["learning_rate"]); // Δ0, which the kernel uses where a step is still 0
        Assert.Equal(0.25f, floats["eta_minus"]);
        Assert.Equal(1.5f, floats["eta_plus"]);
        Assert.Equal(0.001f, floats["min_step_size"]);
        Assert.Equal(2f, floats["max_step_size"]);
        Assert.Equal(0.03f, floats["l1_weight_decay"]);
        Assert.Equal(3f, floats["max_norm"]);
    }

    [Theory]
    [InlineData("Sgd")]
    [InlineData("Momentum")]
    [InlineData("Nesterov")]
    [InlineData("Adagrad")]
    [InlineData("AdaDelta")]
    [InlineData("RmsProp")]
    [InlineData("Rprop")]
    public void Every_rule_binds_every_float_its_kernel_takes(string rule)
    {
        Optimizer optimizer = rule switch
        {
            "Sgd" => new Sgd(),
            "Momentum" => new Momentum(),
            "Nesterov" => new Nesterov(),
            "Adagrad" => new Adagrad(),
            "AdaDelta" => new AdaDelta(),
            "RmsProp" => new RmsProp(),
            _ => new Rprop(),
        };
        var floats = new Dictionary<string, float>();
        CudaOptimizerBinding.Bind(optimizer, floats);
        Assert.Equal(0f, floats["l1_weight_decay"]);
        var program = GeneratedNetworks.Sample("Xor.XorNet");

        Assert.Equal(rule, CudaOptimizerBinding.Rule(optimizer));
        foreach (var argument in program.OptimizerSteps[rule].Arguments)
        {
            if (argument.Kind == CudaArgumentKind.Float)
            {
                Assert.True(floats.ContainsKey(argument.Name), $"{rule}: no value for {argument.Name}");
            }
        }
    }
}

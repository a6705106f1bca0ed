using System;
using System.Collections.Generic;
using NetGen.Optimizers;

namespace NetGen.Cuda;

/// <summary>
/// Maps an optimizer to its update kernel and the floats the kernel takes, computed as the optimizer's C# rule
/// computes them (see NetGen.Optimizers), so a step on the GPU equals a step on the CPU.
/// </summary>
internal static class CudaOptimizerBinding
{
    /// <summary>The rule's key in <see cref="CudaProgram.OptimizerSteps"/>.</summary>
    /// <exception cref="NotSupportedException">A custom optimizer, which has no generated kernel.</exception>
    public static string Rule(Optimizer optimizer) => optimizer switch
    {
        Adam => "Adam", // AdamW too: it is the Adam kernel with a retained fraction below 1.
        Nesterov => "Nesterov",
        Momentum => "Momentum",
        RmsProp => "RmsProp",
        Rprop => "Rprop",
        AdaDelta => "AdaDelta",
        Adagrad => "Adagrad",
        Sgd => "Sgd",
        _ => throw new NotSupportedException(
            $"{optimizer.GetType().Name} has no CUDA kernel; on a GPU use Sgd, Momentum, Nesterov, Adagrad, AdaDelta, RmsProp, Rprop, Adam or AdamW."),
    };

    /// <summary>
    /// Writes the step's floats into <paramref name="floats"/> by kernel parameter name. Call after the optimizer has
    /// counted the step, as <see cref="Optimizer.Step"/> does before its update.
    /// </summary>
    public static void Bind(Optimizer optimizer, Dictionary<string, float> floats)
    {
        floats["clip_bound"] = optimizer.ClipBound;
        floats["l2_weight_decay"] = optimizer.L2WeightDecay;
        floats["l1_weight_decay"] = optimizer.L1Decay;
        floats["max_norm"] = optimizer.ClipNorm > 0f ? optimizer.ClipNorm : float.PositiveInfinity;
        floats["learning_rate"] = optimizer.LearningRate;
        switch (optimizer)
        {
            case Adam adam:
                floats["beta1"] = adam.Beta1;
                floats["beta2"] = adam.Beta2;
                floats["epsilon"] = adam.Epsilon;
                AdamStepScalars step = adam.StepScalars(adam.StepCount);
                floats["step_size"] = step.StepSize;
                floats["inverse_sqrt_second_correction"] = step.InverseSqrtSecondCorrection;
                floats["retained_fraction"] = step.RetainedFraction;
                break;
            case Momentum momentum:
                floats["momentum"] = momentum.MomentumFactor;
                break;
            case Nesterov nesterov:
                floats["momentum"] = nesterov.MomentumFactor;
                break;
            case Adagrad adagrad:
                floats["epsilon"] = adagrad.Epsilon;
                break;
            case AdaDelta adaDelta:
                floats["rho"] = adaDelta.Rho;
                floats["epsilon"] = adaDelta.Epsilon;
                break;
            case RmsProp rmsProp:
                floats["rho"] = rmsProp.Rho;
                floats["epsilon"] = rmsProp.Epsilon;
                break;
            case Rprop rprop: // learning_rate is Δ0
                floats["eta_minus"] = rprop.EtaMinus;
                floats["eta_plus"] = rprop.EtaPlus;
                floats["min_step_size"] = rprop.MinStepSize;
                floats["max_step_size"] = rprop.MaxStepSize;
                break;
        }
    }
}

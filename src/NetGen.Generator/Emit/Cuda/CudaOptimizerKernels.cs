using System.Collections.Generic;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// The optimizer kernels: the norm of the gradient for norm clipping (partial sums in double, added by the last block), and one
/// update kernel per rule over the flat parameter buffer, one thread per parameter, the gradient transform fused in.
/// The norm kernels also find a non-finite loss or gradient, and every update kernel then leaves the step out.
/// Each rule mirrors its C# optimizer in NetGen.Optimizers formula for formula.
/// </summary>
internal static class CudaOptimizerKernels
{
    // A finite float squared cannot overflow a double, so the norm is finite exactly when every gradient is: the scan
    // for the first non-finite gradient runs only on a step that has one.
    // The flag is sticky: once a step is left out, it keeps naming that step (index, then the gradient's bits) and every
    // later step is left out too, until the host clears it — so a step queued behind one left out changes nothing.
    private const string NonFiniteSearch =
        "int first = NG_ALL_FINITE;\n" +
        "float value = 0.0f;\n" +
        "if (!isfinite(*" + CudaNames.Loss + "))\n{\n    first = NG_NON_FINITE_LOSS;\n}\n" +
        "else if (!isfinite(norm))\n{\n" +
        "    for (int i = 0; i < NG_PARAMETER_COUNT; ++i)\n    {\n" +
        "        if (!isfinite(" + CudaNames.Gradients + "[i]))\n        {\n            first = i;\n            value = " + CudaNames.Gradients + "[i];\n            break;\n        }\n    }\n}\n\n" +
        "if (" + CudaNames.FirstNonFinite + "[0] == NG_ALL_FINITE) // sticky until the host clears it\n{\n" +
        "    " + CudaNames.FirstNonFinite + "[0] = first;\n" +
        "    " + CudaNames.FirstNonFinite + "[1] = __float_as_int(value);\n}";

    /// <summary>Blocks of the gradient-norm kernel: enough to cover the parameters, at most 64, so one thread can add the partials.</summary>
    public static int NormBlocks(int parameterCount) => System.Math.Max(1, System.Math.Min(64, (parameterCount + CudaKernel.Threads - 1) / CudaKernel.Threads));

    /// <summary>
    /// One launch before every step: Σ g² in double, one partial per block; the last block to finish (counted in
    /// norm_blocks_done, which it sets back to 0) adds the partials in block order, so the norm does not depend on which
    /// block finished last, and writes the clipping scale and what is not finite.
    /// </summary>
    public static IReadOnlyList<CudaKernel> ClipNorm(int parameterCount) => new[]
    {
        new CudaKernel(
            "clip_norm_scale",
            "Σ g² in double, one partial per block; the last block adds them in order: s = max_norm / ‖g‖ when ‖g‖ > max_norm, " +
            "else 1; then what is not finite, which the update kernels read to leave the step out: the loss, the first gradient (by index), or nothing",
            new[]
            {
                CudaParameter.Reads(CudaNames.Gradients), CudaParameter.Writes(CudaNames.NormPartials, "double"),
                CudaParameter.Writes(CudaNames.NormBlocksDone, "int"), CudaParameter.Reads(CudaNames.Loss),
                CudaParameter.Writes(CudaNames.ClipScale), CudaParameter.Writes(CudaNames.FirstNonFinite, "int"), CudaParameter.Float("max_norm"),
            },
            "__shared__ bool last_block;\n" +
            "double sum = 0.0;\n" +
            "for (int i = blockIdx.x * NG_THREADS + threadIdx.x; i < NG_PARAMETER_COUNT; i += NG_NORM_BLOCKS * NG_THREADS)\n{\n" +
            "    const double g = " + CudaNames.Gradients + "[i];\n    sum += g * g;\n}\n\n" +
            "sum = ng_block_sum(sum);\n" +
            "if (threadIdx.x == 0)\n{\n" +
            "    " + CudaNames.NormPartials + "[blockIdx.x] = sum;\n" +
            "    __threadfence(); // the partial is visible to every block before this block is counted\n" +
            "    last_block = atomicAdd(" + CudaNames.NormBlocksDone + ", 1) == NG_NORM_BLOCKS - 1;\n}\n\n" +
            "__syncthreads();\n" +
            "if (!last_block || threadIdx.x != 0)\n{\n    return;\n}\n\n" +
            "*" + CudaNames.NormBlocksDone + " = 0;\n" +
            "const volatile double* partials = " + CudaNames.NormPartials + "; // written by other blocks: not from this block's cache\n" +
            "double total = 0.0;\n" +
            "for (int block = 0; block < NG_NORM_BLOCKS; ++block)\n{\n    total += partials[block];\n}\n\n" +
            "const double norm = sqrt(total);\n" +
            "*" + CudaNames.ClipScale + " = norm > max_norm ? (float)(max_norm / norm) : 1.0f;\n\n" +
            NonFiniteSearch,
            CudaGrid.Constant(NormBlocks(parameterCount)), CudaGrid.Constant(1), CudaGrid.Constant(1)),
    };

    /// <summary>The update kernels keyed by rule (the names NetGen.Cuda uses to pick one for an optimizer).</summary>
    public static IReadOnlyList<(string Rule, CudaKernel Kernel)> Steps(int parameterCount) => new[]
    {
        ("Sgd", Step(parameterCount, "sgd_step", "θ ← θ − η·g", new string[0], new[] { "learning_rate" },
            "parameters[i] = theta - learning_rate * g;")),
        ("Momentum", Step(parameterCount, "momentum_step", "v ← μ·v + g; θ ← θ − η·v", new[] { "velocity" }, new[] { "learning_rate", "momentum" },
            "const float v = momentum * velocity[i] + g;\nvelocity[i] = v;\nparameters[i] = theta - learning_rate * v;")),
        ("Nesterov", Step(parameterCount, "nesterov_step", "v ← μ·v + g; θ ← θ − η·(g + μ·v)", new[] { "velocity" }, new[] { "learning_rate", "momentum" },
            "const float v = momentum * velocity[i] + g;\nvelocity[i] = v;\nparameters[i] = theta - learning_rate * (g + momentum * v);")),
        ("Adagrad", Step(parameterCount, "adagrad_step", "G ← G + g²; θ ← θ − η·g / (√G + ε)", new[] { "sum_of_squares" }, new[] { "learning_rate", "epsilon" },
            "const float sum = sum_of_squares[i] + g * g;\nsum_of_squares[i] = sum;\nparameters[i] = theta - learning_rate * g / (sqrtf(sum) + epsilon);")),
        ("AdaDelta", Step(
            parameterCount, "adadelta_step", "E[g²] ← ρ·E[g²] + (1−ρ)·g²; Δ = √(E[Δ²] + ε) / √(E[g²] + ε)·g; E[Δ²] ← ρ·E[Δ²] + (1−ρ)·Δ²; θ ← θ − η·Δ",
            new[] { "mean_squared_gradient", "mean_squared_delta" }, new[] { "learning_rate", "rho", "epsilon" },
            "const float gradient_average = rho * mean_squared_gradient[i] + (1.0f - rho) * g * g;\n" +
            "const float delta_average = mean_squared_delta[i];\n" +
            "const float delta = sqrtf(delta_average + epsilon) / sqrtf(gradient_average + epsilon) * g;\n" +
            "mean_squared_gradient[i] = gradient_average;\n" +
            "mean_squared_delta[i] = rho * delta_average + (1.0f - rho) * delta * delta;\n" +
            "parameters[i] = theta - learning_rate * delta;")),
        ("RmsProp", Step(parameterCount, "rmsprop_step", "E ← ρ·E + (1−ρ)·g²; θ ← θ − η·g / (√E + ε)", new[] { "mean_squared_gradient" },
            new[] { "learning_rate", "rho", "epsilon" },
            "const float average = rho * mean_squared_gradient[i] + (1.0f - rho) * g * g;\nmean_squared_gradient[i] = average;\n" +
            "parameters[i] = theta - learning_rate * g / (sqrtf(average) + epsilon);")),
        ("Rprop", Step(
            parameterCount, "rprop_step",
            "iRPROP−: a = sign(g)·sign(g_prev); Δ ← clamp(Δ·(η+ if a > 0, η− if a < 0, else 1), Δmin, Δmax), a stored Δ of 0 " +
            "being Δ0 (learning_rate); g ← 0 if a < 0; θ ← θ − sign(g)·Δ; g_prev ← g",
            new[] { "previous_gradient", "step_size" }, new[] { "learning_rate", "eta_minus", "eta_plus", "min_step_size", "max_step_size" },
            "const float g_sign = g > 0.0f ? 1.0f : (g < 0.0f ? -1.0f : 0.0f);\n" +
            "const float previous = previous_gradient[i];\n" +
            "const float agreement = g_sign * (previous > 0.0f ? 1.0f : (previous < 0.0f ? -1.0f : 0.0f));\n" +
            "const float stored = step_size[i]; // 0 until the first step: zeroed state starts at Δ0, as on the CPU\n" +
            "float step = (stored > 0.0f ? stored : learning_rate) * (agreement > 0.0f ? eta_plus : (agreement < 0.0f ? eta_minus : 1.0f));\n" +
            "step = step < min_step_size ? min_step_size : (step > max_step_size ? max_step_size : step);\n" +
            "step_size[i] = step;\n" +
            "previous_gradient[i] = agreement < 0.0f ? 0.0f : g; // a sign change forgets the gradient: no step this time\n" +
            "parameters[i] = theta - (agreement < 0.0f ? 0.0f : g_sign) * step;")),
        ("Adam", Step(
            parameterCount, "adam_step",
            "m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; θ ← θ·r − step_size·m / (√v·c2 + ε), with step_size = η / (1−β1ᵗ), " +
            "c2 = 1/√(1−β2ᵗ) and r = 1 − η·λ for AdamW's decoupled decay (else 1)",
            new[] { "first_moment", "second_moment" },
            new[] { "beta1", "beta2", "step_size", "inverse_sqrt_second_correction", "epsilon", "retained_fraction" },
            "const float m = beta1 * first_moment[i] + (1.0f - beta1) * g;\n" +
            "const float v = beta2 * second_moment[i] + (1.0f - beta2) * g * g;\n" +
            "first_moment[i] = m;\nsecond_moment[i] = v;\n" +
            "parameters[i] = theta * retained_fraction - step_size * m / (sqrtf(v) * inverse_sqrt_second_correction + epsilon);")),
    };

    /// <summary>
    /// An update kernel. Its state vectors are bound to the optimizer-state buffers in order and appear in the kernel under
    /// <paramref name="stateNames"/>; the floats after clip_bound, l2_weight_decay and l1_weight_decay are the rule's own.
    /// </summary>
    private static CudaKernel Step(int parameterCount, string name, string rule, string[] stateNames, string[] floats, string update)
    {
        var parameters = new List<CudaParameter>
        {
            CudaParameter.Writes(CudaNames.Parameters), CudaParameter.Reads(CudaNames.Gradients), CudaParameter.Reads(CudaNames.ClipScale),
            CudaParameter.Reads(CudaNames.FirstNonFinite, "int"),
        };
        var aliases = string.Empty;
        string[] stateBuffers = { CudaNames.FirstOptimizerState, CudaNames.SecondOptimizerState };
        for (var index = 0; index < stateNames.Length; index++)
        {
            parameters.Add(CudaParameter.Writes(stateBuffers[index]));
            aliases += "float* __restrict__ " + stateNames[index] + " = " + stateBuffers[index] + ";\n";
        }

        parameters.Add(CudaParameter.Float("clip_bound"));
        parameters.Add(CudaParameter.Float("l2_weight_decay"));
        parameters.Add(CudaParameter.Float("l1_weight_decay"));
        foreach (var value in floats)
        {
            parameters.Add(CudaParameter.Float(value));
        }

        return new CudaKernel(
            name, rule, parameters, "NG_PARAMETER_INDEX;\n" + aliases + update,
            CudaGrid.Covering(parameterCount, CudaKernel.Threads), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }
}

using System.Collections.Generic;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Rbf;

/// <summary>
/// The RBF layer's CUDA kernels: d² and φ one thread per (sample, unit); the scaled δ e = δ·2γ·φ one thread per
/// (sample, unit); ∂L/∂C and ∂L/∂s one thread per parameter, summing over the batch; δ below one thread per (sample, input).
/// </summary>
internal sealed partial class RbfLayer
{
    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        var inputs = C.Int(layer.Plan.InputSize);
        var units = C.Int(Options(layer.Plan).Units);
        var body =
            "const int r = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (r >= batch * " + units + ")\n{\n    return;\n}\n\n" +
            "const int i = r / " + units + ";\n" +
            "const int u = r % " + units + ";\n" +
            "const float* x = " + layer.Source + " + i * " + inputs + ";\n" +
            "const float* c = " + layer.Parameters(TensorRoles.Center) + " + u * " + inputs + ";\n" +
            "float sum = 0.0f;\n" +
            "for (int k = 0; k < " + inputs + "; ++k)\n{\n" +
            "    const float difference = x[k] - c[k];\n" +
            "    sum += difference * difference;\n" +
            "}\n\n" +
            layer.Buffer(Distance) + "[r] = sum;\n" +
            layer.Output + "[r] = expf(-" + Gamma(layer, "u") + " * sum);";
        yield return CudaKernel.Elementwise(
            "rbf_forward_" + layer.Id,
            layer.Plan.Name + ": d² = ‖x − cⱼ‖², φ = exp(−γⱼ·d²) with γⱼ = exp(−2sⱼ)/2; one thread per (sample, unit)",
            new[] { CudaParameter.Reads(layer.Source), CudaParameter.Reads(CudaNames.Parameters), CudaParameter.Writes(layer.Buffer(Distance)), CudaParameter.Writes(layer.Output), CudaParameter.Batch },
            Options(layer.Plan).Units, body);
    }

    /// <summary>The scaled δ first (δ below reads it too), then every parameter's gradient from it.</summary>
    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer)
    {
        yield return ScaledDelta(layer);
        yield return ParameterGradients(layer);
    }

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below)
    {
        var inputs = C.Int(layer.Plan.InputSize);
        var units = C.Int(Options(layer.Plan).Units);
        var body =
            "const int r = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (r >= batch * " + inputs + ")\n{\n    return;\n}\n\n" +
            "const int i = r / " + inputs + ";\n" +
            "const int k = r % " + inputs + ";\n" +
            "const float x = " + layer.Source + "[r];\n" +
            "const float* e = " + layer.Buffer(KernelDelta) + " + i * " + units + ";\n" +
            "const float* c = " + layer.Parameters(TensorRoles.Center) + ";\n" +
            "float value = 0.0f;\n" +
            "for (int u = 0; u < " + units + "; ++u)\n{\n" +
            "    value += e[u] * (c[u * " + inputs + " + k] - x);\n" +
            "}\n\n" +
            string.Join("\n", CudaBelow.Store(below, "r", "value", below.PreActivation, below.Output, below.Delta));
        var parameters = new List<CudaParameter> { CudaParameter.Reads(layer.Buffer(KernelDelta)), CudaParameter.Reads(CudaNames.Parameters) };
        CudaBelow.AddMembers(below, new List<string>(), new List<string>(), parameters);
        if (!parameters.Exists(parameter => parameter.Name == layer.Source))
        {
            // x is the output of the layer below, which a fused derivative already reads.
            parameters.Add(CudaParameter.Reads(layer.Source));
        }

        parameters.Add(CudaParameter.Batch);
        return CudaKernel.Elementwise(
            "rbf_input_gradient_" + layer.Id,
            layer.Plan.Name + ": δ below = Σⱼ eⱼ·(cⱼ − x)" + CudaBelow.DerivativeNote(below) + "; one thread per (sample, input)",
            parameters, layer.Plan.InputSize, body);
    }

    private static CudaKernel ScaledDelta(CudaLayer layer)
    {
        var units = C.Int(Options(layer.Plan).Units);
        var body =
            "const int r = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (r >= batch * " + units + ")\n{\n    return;\n}\n\n" +
            layer.Buffer(KernelDelta) + "[r] = " + layer.Delta + "[r] * 2.0f * " + Gamma(layer, "r % " + units) + " * " + layer.Output + "[r];";
        return CudaKernel.Elementwise(
            "rbf_kernel_delta_" + layer.Id,
            layer.Plan.Name + ": e = δ·2γⱼ·φ, the δ of −γⱼ·d²; one thread per (sample, unit)",
            new[] { CudaParameter.Reads(layer.Delta), CudaParameter.Reads(layer.Output), CudaParameter.Reads(CudaNames.Parameters), CudaParameter.Writes(layer.Buffer(KernelDelta)), CudaParameter.Batch },
            Options(layer.Plan).Units, body);
    }

    private static CudaKernel ParameterGradients(CudaLayer layer)
    {
        var inputs = C.Int(layer.Plan.InputSize);
        var units = Options(layer.Plan).Units;
        var centers = (long)units * layer.Plan.InputSize;
        var gradients = CudaNames.Gradients;
        var body =
            "const int t = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (t >= " + C.Int(centers + units) + ")\n{\n    return;\n}\n\n" +
            "const float* e = " + layer.Buffer(KernelDelta) + ";\n" +
            "float sum = 0.0f;\n" +
            "if (t < " + C.Int(centers) + ")\n{\n" +
            "    const int u = t / " + inputs + ";\n" +
            "    const int k = t % " + inputs + ";\n" +
            "    const float c = " + CudaNames.Parameters + "[" + C.Int(layer.Offset(TensorRoles.Center)) + " + t];\n" +
            "    for (int i = 0; i < batch; ++i)\n    {\n" +
            "        sum += e[i * " + C.Int(units) + " + u] * (" + layer.Source + "[i * " + inputs + " + k] - c);\n" +
            "    }\n\n" +
            "    " + gradients + "[" + C.Int(layer.Offset(TensorRoles.Center)) + " + t] = sum;\n" +
            "    return;\n" +
            "}\n\n" +
            "const int u = t - " + C.Int(centers) + ";\n" +
            "for (int i = 0; i < batch; ++i)\n{\n" +
            "    sum += e[i * " + C.Int(units) + " + u] * " + layer.Buffer(Distance) + "[i * " + C.Int(units) + " + u];\n" +
            "}\n\n" +
            gradients + "[" + C.Int(layer.Offset(TensorRoles.LogWidth)) + " + u] = sum;";
        return new CudaKernel(
            "rbf_parameter_gradient_" + layer.Id,
            layer.Plan.Name + ": ∂L/∂cⱼ = Σ e·(x − cⱼ) and ∂L/∂sⱼ = Σ e·d² over the batch, one thread per parameter",
            new[]
            {
                CudaParameter.Reads(layer.Buffer(KernelDelta)), CudaParameter.Reads(layer.Buffer(Distance)), CudaParameter.Reads(layer.Source),
                CudaParameter.Reads(CudaNames.Parameters), CudaParameter.Writes(gradients), CudaParameter.Batch,
            },
            body, CudaGrid.Covering(centers + units, CudaKernel.Threads), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    /// <summary>γ of unit <paramref name="unit"/> (a C expression), exp(−2s)/2, as C.</summary>
    private static string Gamma(CudaLayer layer, string unit) =>
        "(0.5f * expf(-2.0f * " + CudaNames.Parameters + "[" + C.Int(layer.Offset(TensorRoles.LogWidth)) + " + " + unit + "]))";
}

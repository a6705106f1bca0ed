using System.Collections.Generic;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.BatchNorm;

/// <summary>
/// Batch normalisation's CUDA kernels: the statistics one block per feature (sums in double, as the CPU), the
/// normalisation one thread per value, the γ and β gradients one block per feature, and δ below one thread per value
/// from the γ and β gradients (Σδ·x̂ and Σδ), which are written first.
/// </summary>
internal sealed partial class BatchNormLayer
{
    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        yield return Statistics(layer);
        yield return Normalization(layer);
    }

    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer)
    {
        var features = Features(layer.Plan.InputShape);
        var body =
            "const int c = blockIdx.x;\n" +
            "double beta_sum = 0.0;\n" +
            "double gamma_sum = 0.0;\n" +
            "for (int r = threadIdx.x; r < batch * " + C.Int(Positions(layer.Plan.InputShape)) + "; r += NG_THREADS)\n{\n" +
            "    const int i = " + Index(layer, "r", "c") + ";\n" +
            "    beta_sum += " + layer.Delta + "[i];\n" +
            "    gamma_sum += (double)" + layer.Delta + "[i] * " + layer.Buffer(Normalized) + "[i];\n" +
            "}\n\n" +
            "beta_sum = ng_block_sum(beta_sum);\n" +
            "__syncthreads(); // every thread has read the first sum before the shared partials take the second\n" +
            "gamma_sum = ng_block_sum(gamma_sum);\n" +
            "if (threadIdx.x == 0)\n{\n" +
            "    " + CudaNames.Gradients + "[" + C.Int(layer.Offset(TensorRoles.Gamma)) + " + c] = (float)gamma_sum;\n" +
            "    " + CudaNames.Gradients + "[" + C.Int(layer.Offset(TensorRoles.Beta)) + " + c] = (float)beta_sum;\n" +
            "}";
        yield return new CudaKernel(
            "batch_norm_parameter_gradient_" + layer.Id,
            layer.Plan.Name + ": ∂L/∂γ = Σ δ·x̂ and ∂L/∂β = Σ δ over the batch" + (Positions(layer.Plan.InputShape) > 1 ? " and positions" : string.Empty) + ", one block per feature",
            new[] { CudaParameter.Reads(layer.Delta), CudaParameter.Reads(layer.Buffer(Normalized)), CudaParameter.Writes(CudaNames.Gradients), CudaParameter.Batch },
            body, CudaGrid.Constant(features), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below)
    {
        var count = C.Int(Positions(layer.Plan.InputShape)) + " * batch";
        var body =
            "const int i = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (i >= batch * " + C.Int(layer.Plan.OutputSize) + ")\n{\n    return;\n}\n\n" +
            "const int c = " + Feature(layer, "i") + ";\n" +
            "const float n = (float)(" + count + ");\n" +
            "const float beta_gradient = " + CudaNames.Gradients + "[" + C.Int(layer.Offset(TensorRoles.Beta)) + " + c];\n" +
            "const float gamma_gradient = " + CudaNames.Gradients + "[" + C.Int(layer.Offset(TensorRoles.Gamma)) + " + c];\n" +
            "const float value = " + CudaNames.Parameters + "[" + C.Int(layer.Offset(TensorRoles.Gamma)) + " + c] * " + layer.Buffer(ReciprocalStandardDeviation) + "[c] * (" +
            layer.Delta + "[i] - (beta_gradient + " + layer.Buffer(Normalized) + "[i] * gamma_gradient) / n);\n" +
            string.Join("\n", CudaBelow.Store(below, "i", "value", below.PreActivation, below.Output, below.Delta));
        var parameters = new List<CudaParameter>
        {
            CudaParameter.Reads(layer.Delta), CudaParameter.Reads(layer.Buffer(Normalized)), CudaParameter.Reads(CudaNames.Parameters),
            CudaParameter.Reads(layer.Buffer(ReciprocalStandardDeviation)), CudaParameter.Reads(CudaNames.Gradients),
        };
        CudaBelow.AddMembers(below, new List<string>(), new List<string>(), parameters);
        parameters.Add(CudaParameter.Batch);
        return CudaKernel.Elementwise(
            "batch_norm_input_gradient_" + layer.Id,
            layer.Plan.Name + ": δ below = γ·rstd·(δ − (Σδ + x̂·Σδx̂) / N), the batch statistics differentiated" + CudaBelow.DerivativeNote(below),
            parameters, layer.Plan.OutputSize, body);
    }

    private static CudaKernel Statistics(CudaLayer layer)
    {
        var options = Options(layer.Plan);
        var positions = Positions(layer.Plan.InputShape);
        var runningMean = CudaNames.State + "[" + C.Int(layer.Offset(TensorRoles.RunningMean)) + " + c]";
        var runningVariance = CudaNames.State + "[" + C.Int(layer.Offset(TensorRoles.RunningVariance)) + " + c]";
        var mean = layer.Buffer(Mean) + "[c]";
        var rstd = layer.Buffer(ReciprocalStandardDeviation) + "[c]";
        var momentum = C.Float(options.Momentum);
        var body =
            "const int c = blockIdx.x;\n" +
            "if (!training)\n{\n" +
            "    if (threadIdx.x == 0)\n    {\n" +
            "        " + mean + " = " + runningMean + ";\n" +
            "        " + rstd + " = (float)(1.0 / sqrt((double)" + runningVariance + " + (double)" + C.Float(options.Epsilon) + "));\n" +
            "    }\n\n" +
            "    return;\n}\n\n" +
            "const int count = batch * " + C.Int(positions) + ";\n" +
            "double sum = 0.0;\n" +
            "for (int r = threadIdx.x; r < count; r += NG_THREADS)\n{\n    sum += " + layer.Source + "[" + Index(layer, "r", "c") + "];\n}\n\n" +
            "const double mu = ng_block_sum(sum) / count;\n" +
            "__syncthreads(); // every thread has read the sum before the shared partials take the squares\n" +
            "double squares = 0.0;\n" +
            "for (int r = threadIdx.x; r < count; r += NG_THREADS)\n{\n" +
            "    const double d = " + layer.Source + "[" + Index(layer, "r", "c") + "] - mu;\n" +
            "    squares += d * d;\n" +
            "}\n\n" +
            "squares = ng_block_sum(squares);\n" +
            "if (threadIdx.x == 0)\n{\n" +
            "    const double variance = squares / count;\n" +
            "    " + mean + " = (float)mu;\n" +
            "    " + rstd + " = (float)(1.0 / sqrt(variance + (double)" + C.Float(options.Epsilon) + "));\n" +
            "    " + runningMean + " = (1.0f - " + momentum + ") * " + runningMean + " + " + momentum + " * (float)mu;\n" +
            "    " + runningVariance + " = (1.0f - " + momentum + ") * " + runningVariance + " + " + momentum + " * (float)(count > 1 ? squares / (count - 1) : variance);\n" +
            "}";
        return new CudaKernel(
            "batch_norm_statistics_" + layer.Id,
            layer.Plan.Name + ": per feature, the mean and 1/√(σ² + ε) to normalise with: the batch's in training (and the running ones moved toward them), the running ones in inference",
            new[]
            {
                CudaParameter.Reads(layer.Source), CudaParameter.Writes(layer.Buffer(Mean)), CudaParameter.Writes(layer.Buffer(ReciprocalStandardDeviation)),
                CudaParameter.Writes(CudaNames.State), CudaParameter.Training, CudaParameter.Batch,
            },
            body, CudaGrid.Constant(Features(layer.Plan.InputShape)), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    private static CudaKernel Normalization(CudaLayer layer)
    {
        var parameters = new List<CudaParameter>
        {
            CudaParameter.Reads(layer.Source), CudaParameter.Reads(layer.Buffer(Mean)), CudaParameter.Reads(layer.Buffer(ReciprocalStandardDeviation)),
            CudaParameter.Reads(CudaNames.Parameters), CudaParameter.Writes(layer.Buffer(Normalized)),
        };
        if (layer.HasSeparatePreActivation)
        {
            parameters.Add(CudaParameter.Writes(layer.PreActivation));
        }

        parameters.Add(CudaParameter.Writes(layer.Output));
        parameters.Add(CudaParameter.Batch);
        var body =
            "const int i = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (i >= batch * " + C.Int(layer.Plan.OutputSize) + ")\n{\n    return;\n}\n\n" +
            "const int c = " + Feature(layer, "i") + ";\n" +
            "const float normalized = (" + layer.Source + "[i] - " + layer.Buffer(Mean) + "[c]) * " + layer.Buffer(ReciprocalStandardDeviation) + "[c];\n" +
            layer.Buffer(Normalized) + "[i] = normalized;\n" +
            "const float pre = " + CudaNames.Parameters + "[" + C.Int(layer.Offset(TensorRoles.Gamma)) + " + c] * normalized + " +
            CudaNames.Parameters + "[" + C.Int(layer.Offset(TensorRoles.Beta)) + " + c];\n" +
            (layer.HasSeparatePreActivation ? layer.PreActivation + "[i] = pre;\n" : string.Empty) +
            layer.Output + "[i] = " + layer.ApplyActivation("pre") + ";";
        return CudaKernel.Elementwise(
            "batch_norm_forward_" + layer.Id,
            layer.Plan.Name + ": x̂ = (x − mean)·rstd, a = " + layer.ActivationChoice.Kind + "(γ·x̂ + β)",
            parameters, layer.Plan.OutputSize, body);
    }

    /// <summary>The feature of flat index <paramref name="index"/>, as C.</summary>
    private static string Feature(CudaLayer layer, string index)
    {
        var positions = Positions(layer.Plan.InputShape);
        var features = C.Int(Features(layer.Plan.InputShape));
        return positions == 1 ? index + " % " + features : index + " / " + C.Int(positions) + " % " + features;
    }

    /// <summary>The flat index of value <paramref name="row"/> (sample × position) of feature <paramref name="feature"/>, as C.</summary>
    private static string Index(CudaLayer layer, string row, string feature)
    {
        var positions = C.Int(Positions(layer.Plan.InputShape));
        var features = C.Int(Features(layer.Plan.InputShape));
        return Positions(layer.Plan.InputShape) == 1
            ? row + " * " + features + " + " + feature
            : "(" + row + " / " + positions + " * " + features + " + " + feature + ") * " + positions + " + " + row + " % " + positions;
    }
}

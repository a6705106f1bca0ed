using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// The loss kernel: one block reduces the batch's loss in double (as the CPU does) into loss[0], already scaled by the
/// reduction, and writes the output layer's δ: with respect to z for the cross-entropies and for element-wise
/// activations (their derivative fused), with respect to a for softmax and PReLU outputs (their own kernel follows).
/// </summary>
internal static class CudaLossKernel
{
    public static CudaKernel For(NetworkPlan plan, CudaLayer output)
    {
        var count = C.Int(output.Plan.OutputSize);
        var loss = plan.Network.Loss;
        var parameters = new List<CudaParameter>();
        string perElement;
        switch (loss)
        {
            case LossKind.SoftmaxCrossEntropy:
                parameters.Add(CudaParameter.Reads(output.Output));
                perElement = SoftmaxCrossEntropy(output, count);
                break;
            case LossKind.BinaryCrossEntropy:
                parameters.Add(CudaParameter.Reads(output.PreActivation));
                perElement =
                    "for (int i = threadIdx.x; i < batch * " + count + "; i += NG_THREADS)\n{\n" +
                    "    const float z = " + output.PreActivation + "[i];\n" +
                    "    const float t = targets[i];\n" +
                    "    sum += (double)fmaxf(z, 0.0f) - (double)z * t + (double)log1pf(expf(-fabsf(z)));\n" +
                    "    " + output.Delta + "[i] = scale * (ng_sigmoid(z) - t);\n" +
                    "}";
                break;
            default:
                parameters.Add(CudaParameter.Reads(output.Output));
                var fused = output.HasElementwiseDerivative;
                if (fused)
                {
                    parameters.Add(CudaParameter.Reads(output.PreActivation));
                }

                var gradient = loss == LossKind.MeanAbsoluteError
                    ? "scale * (difference > 0.0f ? 1.0f : (difference < 0.0f ? -1.0f : 0.0f))"
                    : "scale * difference";
                perElement =
                    "for (int i = threadIdx.x; i < batch * " + count + "; i += NG_THREADS)\n{\n" +
                    "    const float difference = " + output.Output + "[i] - targets[i];\n" +
                    "    sum += " + (loss == LossKind.MeanAbsoluteError ? "fabs((double)difference)" : "0.5 * (double)difference * difference") + ";\n" +
                    "    const float gradient = " + gradient + ";\n" +
                    "    " + output.Delta + "[i] = " +
                    (fused ? "gradient * " + output.Derivative(output.PreActivation + "[i]", output.Output + "[i]") : "gradient") + ";\n" +
                    "}";
                break;
        }

        parameters.Add(CudaParameter.Reads(CudaNames.Targets));
        parameters.Add(CudaParameter.Writes(output.Delta));
        parameters.Add(CudaParameter.Writes(CudaNames.Loss));
        parameters.Add(CudaParameter.Batch);
        var body =
            "const float scale = " + (plan.Network.Reduction == ReductionKind.Mean ? "1.0f / batch" : "1.0f") + ";\n" +
            "double sum = 0.0;\n" +
            perElement + "\n\n" +
            "sum = ng_block_sum(sum);\n" +
            "if (threadIdx.x == 0)\n{\n    " + CudaNames.Loss + "[0] = (float)(sum * scale);\n}";
        return new CudaKernel(
            Name(loss),
            Describe(plan) + "; one block, the sum in double",
            parameters, body, CudaGrid.Constant(1), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    // In float, unlike the CPU's double: the double exp and log routines make ptxas spill, and the float sum over a row
    // of logits shifted by their maximum loses nothing that matters at float precision.
    private static string SoftmaxCrossEntropy(CudaLayer output, string classes) =>
        "for (int row = threadIdx.x; row < batch; row += NG_THREADS)\n{\n" +
        "    const float* z = " + output.Output + " + row * " + classes + ";\n" +
        "    const float* t = targets + row * " + classes + ";\n" +
        "    float* g = " + output.Delta + " + row * " + classes + ";\n" +
        "    float max = z[0];\n" +
        "    for (int j = 1; j < " + classes + "; ++j)\n    {\n        max = fmaxf(max, z[j]);\n    }\n\n" +
        "    float exp_sum = 0.0f;\n" +
        "    for (int j = 0; j < " + classes + "; ++j)\n    {\n        exp_sum += expf(z[j] - max);\n    }\n\n" +
        "    const float log_sum_exp = max + logf(exp_sum);\n" +
        "    float target_sum = 0.0f;\n" +
        "    for (int j = 0; j < " + classes + "; ++j)\n    {\n        sum -= (double)t[j] * (z[j] - log_sum_exp);\n        target_sum += t[j];\n    }\n\n" +
        "    for (int j = 0; j < " + classes + "; ++j)\n    {\n" +
        "        g[j] = scale * (expf(z[j] - log_sum_exp) * target_sum - t[j]);\n" +
        "    }\n" +
        "}";

    private static string Name(LossKind loss) => loss switch
    {
        LossKind.MeanAbsoluteError => "absolute_error_loss",
        LossKind.BinaryCrossEntropy => "binary_cross_entropy_loss",
        LossKind.SoftmaxCrossEntropy => "softmax_cross_entropy_loss",
        _ => "squared_error_loss",
    };

    private static string Describe(NetworkPlan plan) => plan.Network.Loss switch
    {
        LossKind.MeanAbsoluteError => "Σ |a − t|, δ = sign(a − t)",
        LossKind.BinaryCrossEntropy => "binary cross-entropy from the logits, δ = sigmoid(z) − t",
        LossKind.SoftmaxCrossEntropy => "softmax cross-entropy from the logits, δ = softmax(z)·Σt − t",
        _ => "½ Σ (a − t)², δ = a − t",
    } + (plan.Network.Reduction == ReductionKind.Mean ? ", averaged over the batch" : ", summed over the batch");
}

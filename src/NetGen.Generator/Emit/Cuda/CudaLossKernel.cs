using System.Collections.Generic;
using NetGen.Generator.Losses;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// The loss kernel: one block reduces the batch's loss in double (as the CPU does) into loss[0], already scaled by the
/// reduction, and writes the output layer's δ: with respect to z for the cross-entropies and for element-wise
/// activations (their derivative fused), with respect to a for softmax and PReLU outputs (their own kernel follows).
/// The per-sample part is the loss definition's.
/// </summary>
internal static class CudaLossKernel
{
    public static CudaKernel For(NetworkPlan plan, CudaLayer output)
    {
        var loss = LossCatalog.For(plan.Network.Loss);
        var (reads, sumAndGradient) = loss.CudaSumAndGradient(output);
        var parameters = new List<CudaParameter>(reads)
        {
            CudaParameter.Reads(CudaNames.Targets),
            CudaParameter.Writes(output.Delta),
            CudaParameter.Writes(CudaNames.Loss),
            CudaParameter.Batch,
        };
        var mean = plan.Network.Reduction == ReductionKind.Mean;
        var body =
            "const float scale = " + (mean ? "1.0f / batch" : "1.0f") + ";\n" +
            "double sum = 0.0;\n" +
            sumAndGradient + "\n\n" +
            "sum = ng_block_sum(sum);\n" +
            "if (threadIdx.x == 0)\n{\n    " + CudaNames.Loss + "[0] = (float)(sum * scale);\n}";
        return new CudaKernel(
            loss.CudaName,
            loss.Formula + (mean ? ", averaged over the batch" : ", summed over the batch") + "; one block, the sum in double",
            parameters, body, CudaGrid.Constant(1), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }
}

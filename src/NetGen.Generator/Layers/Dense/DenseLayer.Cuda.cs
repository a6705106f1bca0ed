using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Dense;

/// <summary>The dense layer's CUDA kernels: x·Wᵀ with bias and activation in the epilogue, δᵀ·x for ∂L/∂W, δ·W for δ below.</summary>
internal sealed partial class DenseLayer
{
    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        var plan = layer.Plan;
        var inputs = C.Int(Inputs(plan));
        var units = C.Int(Units(plan));
        var options = Options(plan);
        if (options.DropsConnections)
        {
            yield return DropConnect.MaskWeightsKernel(layer, options.DropConnect);
        }

        yield return CudaProductKernels.ForwardWithEpilogue(
            layer,
            "dense_forward_" + layer.Id,
            plan.Name + ": z = x·Wᵀ" + (options.DropsConnections ? " (W masked by DropConnect in training)" : string.Empty) +
            (plan.Tensor(TensorRoles.Bias) is not null ? " + b" : string.Empty) + ", a = " + layer.ActivationChoice.Kind + "(z); [" + Rows(plan) + ", " +
            inputs + "] → [" + Rows(plan) + ", " + units + "]",
            "return in[m * " + inputs + " + k];",
            "return weight[n * " + inputs + " + k];",
            "m * " + units + " + n",
            rowsPerSample: RowsPerSample(plan),
            depth: Inputs(plan),
            Operands(layer));
    }

    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer)
    {
        var kernels = CudaProductKernels.ParameterGradients(
            layer, "dense",
            "return delta[k * " + C.Int(Units(layer.Plan)) + " + m];",
            "return in[k * " + C.Int(Inputs(layer.Plan)) + " + n];",
            input: "x", rowsPerSample: RowsPerSample(layer.Plan));
        var options = Options(layer.Plan);
        return options.DropsConnections ? kernels.Append(DropConnect.MaskWeightGradientKernel(layer, options.DropConnect)) : kernels;
    }

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below)
    {
        int inputs = Inputs(layer.Plan), units = Units(layer.Plan);
        return CudaProductKernels.InputGradient(
            layer, below, "dense_input_gradient_" + layer.Id,
            layer.Plan.Name + ": δ below = (δ·W" + (Options(layer.Plan).DropsConnections ? ", W as masked in the forward pass" : string.Empty) + ")" +
            CudaBelow.DerivativeNote(below) + (RowsPerSample(layer.Plan) == 1 ? string.Empty : " at every step"),
            "return delta[m * " + C.Int(units) + " + k];",
            "return weight[k * " + C.Int(inputs) + " + n];",
            "m * " + C.Int(inputs) + " + n",
            rowsPerSample: RowsPerSample(layer.Plan), columns: inputs, depth: units, Operands(layer));
    }

    public override IEnumerable<CudaBufferSpec> ScratchBuffers(CudaLayer layer) => [CudaProductKernels.WeightGradientPartials(layer, RowsPerSample(layer.Plan))];

    /// <summary>The products' rows as the comments name them: "batch", or "batch × T" for a per-step layer.</summary>
    private static string Rows(PlannedLayer plan) => RowsPerSample(plan) == 1 ? "batch" : "batch × " + C.Int(RowsPerSample(plan));

    /// <summary>With DropConnect the products read the masked weights; otherwise the layer's own operands.</summary>
    private static CudaProductOperands Operands(CudaLayer layer) =>
        Options(layer.Plan).DropsConnections ? DropConnect.Operands(layer) : CudaProductOperands.Of(layer);
}

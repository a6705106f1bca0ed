using System.Collections.Generic;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Dense;

/// <summary>The dense layer's CUDA kernels: x·Wᵀ with bias and activation in the epilogue, δᵀ·x for ∂L/∂W, δ·W for δ below.</summary>
internal sealed partial class DenseLayer
{
    public override IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        var plan = layer.Plan;
        var inputs = C.Int(plan.InputSize);
        var units = C.Int(plan.OutputSize);
        yield return CudaProductKernels.ForwardWithEpilogue(
            layer,
            "dense_forward_" + layer.Id,
            plan.Name + ": z = x·Wᵀ" + (plan.Tensor(TensorRoles.Bias) is not null ? " + b" : string.Empty) + ", a = " + layer.ActivationChoice.Kind + "(z); [batch, " +
            inputs + "] → [batch, " + units + "]",
            "return in[m * " + inputs + " + k];",
            "return weight[n * " + inputs + " + k];",
            "m * " + units + " + n",
            rowsPerSample: 1,
            depth: plan.InputSize);
    }

    public override IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer) =>
        CudaProductKernels.ParameterGradients(
            layer, "dense",
            "return delta[k * " + C.Int(layer.Plan.OutputSize) + " + m];",
            "return in[k * " + C.Int(layer.Plan.InputSize) + " + n];",
            input: "x", rowsPerSample: 1);

    public override CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below)
    {
        int inputs = layer.Plan.InputSize, units = layer.Plan.OutputSize;
        return CudaProductKernels.InputGradient(
            layer, below, "dense_input_gradient_" + layer.Id,
            layer.Plan.Name + ": δ below = (δ·W)" + CudaBelow.DerivativeNote(below),
            "return delta[m * " + C.Int(units) + " + k];",
            "return weight[k * " + C.Int(inputs) + " + n];",
            "m * " + C.Int(inputs) + " + n",
            rowsPerSample: 1, columns: inputs, depth: units);
    }

    public override IEnumerable<CudaBufferSpec> ScratchBuffers(CudaLayer layer) => [CudaProductKernels.WeightGradientPartials(layer, rowsPerSample: 1)];
}

using System.Collections.Generic;
using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Activations;

/// <summary>
/// What an activation adds to its layer's passes beyond the product's epilogue: turning ∂L/∂a into ∂L/∂z in C#, and in
/// CUDA softmax's own forward kernel and the backward kernels of softmax and PReLU (element-wise derivatives are fused
/// into whatever writes δ instead).
/// </summary>
internal static class ActivationPasses
{
    private const string DenseKernels = RuntimeTypes.Internal + "DenseKernels";

    /// <summary>C# turning the layer's δ from ∂L/∂a into ∂L/∂z (PReLU also writes ∂L/∂α).</summary>
    public static void WriteBackward(CSharpLayer layer, IndentedWriter writer)
    {
        var units = Literals.Int(layer.Plan.OutputSize);
        switch (layer.Activation.Form)
        {
            case ActivationForm.Identity:
                break;
            case ActivationForm.RowWise:
                writer.Line(DenseKernels + ".SoftmaxBackward(" + layer.Output + ", " + layer.Delta + ", batchSize, " + units + ");");
                break;
            case ActivationForm.Learned:
                writer.Line(DenseKernels + ".PReluBackward(" + layer.PreActivation + ", " + layer.Parameters(TensorRoles.Alpha) + ", " + layer.Delta + ", " +
                            layer.Gradients(TensorRoles.Alpha) + ", batchSize, " + units + ");");
                break;
            case ActivationForm.Elementwise:
                writer.Line(DenseKernels + ".ActivationBackward(" + layer.PreActivation + ", " + layer.Output + ", " + layer.Delta + ", batchSize * " + units + ", " +
                            layer.ActivationStruct + ");");
                break;
            default:
                throw new System.NotSupportedException("No backward pass for activation form " + layer.Activation.Form);
        }
    }

    /// <summary>The kernel applying a row-wise activation after the layer's product; none for the others.</summary>
    public static IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        if (layer.Activation.Form == ActivationForm.RowWise)
        {
            yield return SoftmaxForward(layer);
        }
    }

    /// <summary>The kernels turning ∂L/∂a into ∂L/∂z for row-wise and learned activations; none for element-wise ones (fused).</summary>
    public static IEnumerable<CudaKernel> BackwardKernels(CudaLayer layer)
    {
        switch (layer.Activation.Form)
        {
            case ActivationForm.RowWise:
                yield return SoftmaxBackward(layer);
                break;
            case ActivationForm.Learned:
                yield return PReluBackward(layer);
                break;
        }
    }

    private static CudaKernel SoftmaxForward(CudaLayer layer)
    {
        var units = C.Int(layer.Plan.OutputSize);
        var body =
            "const int row = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (row >= batch)\n{\n    return;\n}\n\n" +
            "const float* in = " + layer.PreActivation + " + row * " + units + ";\n" +
            "float* out = " + layer.Output + " + row * " + units + ";\n" +
            "float max = in[0];\n" +
            "for (int j = 1; j < " + units + "; ++j)\n{\n    max = fmaxf(max, in[j]);\n}\n\n" +
            "float sum = 0.0f;\n" +
            "for (int j = 0; j < " + units + "; ++j)\n{\n    out[j] = expf(in[j] - max);\n    sum += out[j];\n}\n\n" +
            "const float scale = 1.0f / sum;\n" +
            "for (int j = 0; j < " + units + "; ++j)\n{\n    out[j] *= scale;\n}";
        return CudaKernel.Elementwise(
            "softmax_forward_" + layer.Id, layer.Plan.Name + ": a = softmax(z), one thread per row",
            new[] { CudaParameter.Reads(layer.PreActivation), CudaParameter.Writes(layer.Output), CudaParameter.Batch }, 1, body);
    }

    private static CudaKernel SoftmaxBackward(CudaLayer layer)
    {
        var units = C.Int(layer.Plan.OutputSize);
        var body =
            "const int row = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (row >= batch)\n{\n    return;\n}\n\n" +
            "const float* a = " + layer.Output + " + row * " + units + ";\n" +
            "float* d = " + layer.Delta + " + row * " + units + ";\n" +
            "float dot = 0.0f;\n" +
            "for (int j = 0; j < " + units + "; ++j)\n{\n    dot += d[j] * a[j];\n}\n\n" +
            "for (int j = 0; j < " + units + "; ++j)\n{\n    d[j] = a[j] * (d[j] - dot);\n}";
        return CudaKernel.Elementwise(
            "softmax_backward_" + layer.Id, layer.Plan.Name + ": δ ← a ⊙ (δ − ⟨δ, a⟩), one thread per row",
            new[] { CudaParameter.Reads(layer.Output), CudaParameter.Writes(layer.Delta), CudaParameter.Batch }, 1, body);
    }

    private static CudaKernel PReluBackward(CudaLayer layer)
    {
        var units = C.Int(layer.Plan.OutputSize);
        var alphaOffset = C.Int(layer.Offset(TensorRoles.Alpha));
        var body =
            "const int j = blockIdx.x;\n" +
            "const float alpha = " + CudaNames.Parameters + "[" + alphaOffset + " + j];\n" +
            "double sum = 0.0;\n" +
            "for (int row = threadIdx.x; row < batch; row += NG_THREADS)\n{\n" +
            "    const int i = row * " + units + " + j;\n" +
            "    const float z = " + layer.PreActivation + "[i];\n" +
            "    if (z <= 0.0f)\n    {\n" +
            "        sum += " + layer.Delta + "[i] * z;\n" +
            "        " + layer.Delta + "[i] *= alpha;\n" +
            "    }\n}\n\n" +
            "sum = ng_block_sum(sum);\n" +
            "if (threadIdx.x == 0)\n{\n    " + CudaNames.Gradients + "[" + alphaOffset + " + j] = (float)sum;\n}";
        return new CudaKernel(
            "prelu_backward_" + layer.Id,
            layer.Plan.Name + ": ∂L/∂α = Σ δ·z where z ≤ 0, then δ ← α·δ there; one block per unit",
            new[]
            {
                CudaParameter.Reads(layer.PreActivation), CudaParameter.Reads(CudaNames.Parameters), CudaParameter.Writes(layer.Delta),
                CudaParameter.Writes(CudaNames.Gradients), CudaParameter.Batch,
            },
            body, CudaGrid.Constant(layer.Plan.OutputSize), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }
}

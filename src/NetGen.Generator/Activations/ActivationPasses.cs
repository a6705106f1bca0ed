using System.Collections.Generic;
using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Activations;

/// <summary>
/// What an activation adds to its layer's passes beyond the product's epilogue: a noisy activation's training forward in
/// C# and CUDA, turning ∂L/∂a into ∂L/∂z in C#, and in CUDA softmax's own forward kernel and the backward kernels of
/// softmax and PReLU (element-wise derivatives are fused into whatever writes δ instead).
/// </summary>
internal static class ActivationPasses
{
    private const string DenseKernels = RuntimeTypes.Internal + "DenseKernels";
    private const string NoisyKernels = RuntimeTypes.Internal + "NoisyActivationKernels";

    /// <summary>C# after the layer's forward: a noisy activation redraws a from z in a training step; the others are done.</summary>
    public static void WriteForward(CSharpLayer layer, IndentedWriter writer)
    {
        switch (layer.Activation.Form)
        {
            case ActivationForm.Identity:
            case ActivationForm.Elementwise:
            case ActivationForm.RowWise:
            case ActivationForm.Learned:
                break;
            case ActivationForm.Noisy:
                writer.Line(NoisyKernels + ".Forward(" + layer.PreActivation + ", " + layer.Output + ", batchSize * " + Literals.Int(layer.Plan.OutputSize) +
                            ", new " + RuntimeTypes.Internal + "NoiseStream(" + layer.RandomSeed + ", " + layer.TrainingStep + ", " + Literals.Int(layer.Stream) +
                            "), " + layer.Training + ", " + layer.ActivationStruct + ");");
                break;
            default:
                throw new System.NotSupportedException("No forward pass for activation form " + layer.Activation.Form);
        }
    }

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
            case ActivationForm.Noisy:
                writer.Line(DenseKernels + ".ActivationBackward(" + layer.PreActivation + ", " + layer.Output + ", " + layer.Delta + ", batchSize * " + units + ", " +
                            layer.ActivationStruct + ");");
                break;
            default:
                throw new System.NotSupportedException("No backward pass for activation form " + layer.Activation.Form);
        }
    }

    /// <summary>The kernel applying a row-wise activation after the layer's product, or a noisy one's in training; none for the others.</summary>
    public static IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer)
    {
        switch (layer.Activation.Form)
        {
            case ActivationForm.Identity:
            case ActivationForm.Elementwise:
            case ActivationForm.Learned:
                break;
            case ActivationForm.RowWise:
                yield return SoftmaxForward(layer);
                break;
            case ActivationForm.Noisy:
                yield return NoisyForward(layer);
                break;
            default:
                throw new System.NotSupportedException("No forward kernels for activation form " + layer.Activation.Form);
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

    private static CudaKernel NoisyForward(CudaLayer layer)
    {
        var noise = "ng_normal(seed, step, " + C.Int(layer.Stream) + "u, (unsigned int)i)";
        var body =
            "const int i = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (!training || i >= batch * " + C.Int(layer.Plan.OutputSize) + ")\n{\n    return;\n}\n\n" +
            layer.Output + "[i] = " + layer.Activation.CudaApplyWithNoise(layer.PreActivation + "[i]", noise) + ";";
        return CudaKernel.Elementwise(
            "noisy_activation_" + layer.Id,
            layer.Plan.Name + ": in training a = " + layer.ActivationChoice.Kind + "(z, ε), ε ~ N(0, 1) drawn per value; in inference the layer's a = f(z) stands",
            new[]
            {
                CudaParameter.Reads(layer.PreActivation), CudaParameter.Writes(layer.Output), CudaParameter.Training, CudaParameter.RandomSeed,
                CudaParameter.TrainingStep, CudaParameter.Batch,
            },
            layer.Plan.OutputSize, body);
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

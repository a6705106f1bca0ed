using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers.Dense;

/// <summary>
/// DropConnect on a dense layer (Wan et al., 2013): in a training step weight i is dropped when the layer's random stream
/// draws below p for element i at that step (Philox, keyed and counted as dropout's, so the C# and CUDA masks are the same
/// bit for bit), and kept weights are scaled by 1 / (1 − p). One mask per step serves the whole batch: the masked
/// weights are formed once into a scratch buffer of the weight's size ("masked_weight"), the forward and δ-below products
/// read them, and the weight gradient is masked again by the same draws. Inference multiplies by W itself.
/// </summary>
internal static class DropConnect
{
    /// <summary>The scratch buffer of the masked weights W ∘ M / (1 − p), as large as W whatever the batch.</summary>
    public const string MaskedWeight = "masked_weight";

    private const string Kernels = RuntimeTypes.Internal + "DropConnectKernels";

    /// <summary>The C# local holding the weights the forward product reads: the masked ones in training, W in inference.</summary>
    public static string WeightLocal(CSharpLayer layer) => "weight_" + layer.Plan.Name;

    /// <summary>C# declaring <see cref="WeightLocal"/>, masking W into the scratch buffer in a training step.</summary>
    public static string DeclareWeights(CSharpLayer layer) =>
        "var " + WeightLocal(layer) + " = " + Kernels + ".Weights(" + layer.Parameters(TensorRoles.Weight) + ", " + layer.Buffer(MaskedWeight) + ", " + Mask(layer) + ", " +
        layer.Training + ");";

    /// <summary>C# masking ∂L/∂W in place with the step's mask, drawn again.</summary>
    public static string MaskWeightGradient(CSharpLayer layer) =>
        Kernels + ".WeightGradient(" + layer.Gradients(TensorRoles.Weight) + ", " + Mask(layer) + ");";

    /// <summary>The product operands of a DropConnect layer: the masked weights instead of the parameters.</summary>
    public static CudaProductOperands Operands(CudaLayer layer) =>
        CudaProductOperands.Of(layer) with { Weights = layer.Buffer(MaskedWeight), WeightBuffer = layer.Buffer(MaskedWeight) };

    /// <summary>One thread per weight: W ∘ M / (1 − p) in training, W in inference, so the product reads one buffer in both modes.</summary>
    public static CudaKernel MaskWeightsKernel(CudaLayer layer, double probability)
    {
        var weights = layer.Plan.Tensor(TensorRoles.Weight)!;
        var body =
            "const int i = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (i >= " + C.Int(weights.Length) + ")\n{\n    return;\n}\n\n" +
            "const float w = " + CudaNames.Parameters + "[" + C.Int(weights.Offset) + " + i];\n" +
            layer.Buffer(MaskedWeight) + "[i] = !training ? w : " + DropMask.CudaDropped(layer, "i", probability) + " ? 0.0f : w * " + C.Float(DropMask.Scale(probability)) + ";";
        return new CudaKernel(
            "drop_connect_weights_" + layer.Id,
            layer.Plan.Name + ": in training each weight is 0 with probability " + C.Float(probability) + ", else w / (1 − p), one mask for the batch; in inference W",
            new[]
            {
                CudaParameter.Reads(CudaNames.Parameters), CudaParameter.Writes(layer.Buffer(MaskedWeight)), CudaParameter.Training, CudaParameter.RandomSeed,
                CudaParameter.TrainingStep,
            },
            body, CudaGrid.Covering(weights.Length, CudaKernel.Threads), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    /// <summary>One thread per weight: ∂L/∂W ← ∂L/∂W ∘ M / (1 − p), the mask drawn again; after the weight gradient is summed.</summary>
    public static CudaKernel MaskWeightGradientKernel(CudaLayer layer, double probability)
    {
        var weights = layer.Plan.Tensor(TensorRoles.Weight)!;
        var gradient = CudaNames.Gradients + "[" + C.Int(weights.Offset) + " + i]";
        var body =
            "const int i = blockIdx.x * NG_THREADS + threadIdx.x;\n" +
            "if (i >= " + C.Int(weights.Length) + ")\n{\n    return;\n}\n\n" +
            gradient + " = " + DropMask.CudaDropped(layer, "i", probability) + " ? 0.0f : " + gradient + " * " + C.Float(DropMask.Scale(probability)) + ";";
        return new CudaKernel(
            "drop_connect_weight_gradient_" + layer.Id,
            layer.Plan.Name + ": ∂L/∂W ← ∂L/∂W ∘ M / (1 − p), the forward pass's mask drawn again",
            new[] { CudaParameter.Writes(CudaNames.Gradients), CudaParameter.RandomSeed, CudaParameter.TrainingStep },
            body, CudaGrid.Covering(weights.Length, CudaKernel.Threads), CudaGrid.Constant(1), CudaGrid.Constant(1));
    }

    /// <summary>The scratch buffer's plan entry for <paramref name="weights"/> weights.</summary>
    public static PlannedBuffer Buffer(int weights) => new(MaskedWeight, BufferElement.Float, PerSample: 0, Fixed: weights);

    private static string Mask(CSharpLayer layer) => DropMask.CSharp(layer, ((DenseOptions)layer.Plan.Options).DropConnect);
}

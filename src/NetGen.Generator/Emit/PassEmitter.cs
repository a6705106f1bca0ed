using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes the forward pass, the loss and the backward pass as straight-line calls into the runtime's
/// kernels, every size a constant. A flatten layer is a view: it reuses the buffer below it.
/// </summary>
internal static class PassEmitter
{
    private const string Kernels = "global::NetGen.Cpu.DenseKernels";

    public static PlannedLayer OutputLayer(NetworkPlan plan) => plan.Layers.Last(layer => layer.Kind == LayerKind.Dense);

    public static void WriteCapacity(IndentedWriter writer, NetworkPlan plan)
    {
        writer.Open("private void EnsureBatchCapacity(int batchSize)");
        writer.Line("if (batchSize <= _batchCapacity)");
        writer.Line("{");
        writer.Line("    return;");
        writer.Line("}");
        writer.Line();
        foreach (var layer in DenseLayers(plan))
        {
            var size = "checked(batchSize * " + Literals.Int(layer.OutputSize) + ")";
            if (Literals.PreActivationField(layer) != Literals.OutputField(layer))
            {
                writer.Line(Literals.PreActivationField(layer) + " = new float[" + size + "];");
            }

            writer.Line(Literals.OutputField(layer) + " = new float[" + size + "];");
            writer.Line(Literals.DeltaField(layer) + " = new float[" + size + "];");
        }

        writer.Line("_batchCapacity = batchSize;");
        writer.Close();
        writer.Line();
    }

    public static void WriteForward(IndentedWriter writer, NetworkPlan plan)
    {
        writer.Open("private void RunForward(global::System.ReadOnlySpan<float> inputs, int batchSize)");
        writer.Line("EnsureBatchCapacity(batchSize);");
        writer.Line("_lastBatchSize = batchSize;");
        writer.Line("global::System.ReadOnlySpan<float> parameters = _parameters;");
        foreach (var (layer, source) in DenseLayersWithSources(plan))
        {
            writer.Line();
            writer.Line("// " + Describe(layer));
            var weight = Slice("parameters", layer.WeightOffset, layer.WeightLength);
            var bias = layer.BiasLength > 0 ? Slice("parameters", layer.BiasOffset, layer.BiasLength) : "default";
            var sizes = "batchSize, " + Literals.Int(layer.InputSize) + ", " + Literals.Int(layer.OutputSize);
            var z = Literals.PreActivationField(layer);
            var a = Literals.OutputField(layer);
            switch (layer.Layer.Activation)
            {
                case ActivationKind.Softmax:
                    writer.Line(Kernels + ".ForwardSoftmax(" + source + ", " + weight + ", " + bias + ", " + z + ", " + a + ", " + sizes + ");");
                    break;
                case ActivationKind.PReLU:
                    writer.Line(Kernels + ".ForwardPRelu(" + source + ", " + weight + ", " + bias + ", " +
                                Slice("parameters", layer.AlphaOffset, layer.AlphaLength) + ", " + z + ", " + a + ", " + sizes + ");");
                    break;
                default:
                    writer.Line(Kernels + ".Forward(" + source + ", " + weight + ", " + bias + ", " + z + ", " + a + ", " + sizes + ", " +
                                Literals.ActivationStruct(layer) + ");");
                    break;
            }
        }

        writer.Close();
        writer.Line();
    }

    public static void WriteLoss(IndentedWriter writer, NetworkPlan plan)
    {
        var output = OutputLayer(plan);
        writer.Open("private float RunLoss(global::System.ReadOnlySpan<float> targets, int batchSize, bool computeGradient)");
        writer.Line("var count = batchSize * OutputSize;");
        writer.Line("var scale = " + (plan.Network.Reduction == ReductionKind.Mean ? "1f / batchSize" : "1f") + ";");
        writer.Line("var gradient = computeGradient ? " + Literals.Prefix(Literals.DeltaField(output), "count") + " : default;");
        var a = Literals.Prefix(Literals.OutputField(output), "count");
        var z = Literals.Prefix(Literals.PreActivationField(output), "count");
        var call = plan.Network.Loss switch
        {
            LossKind.MeanAbsoluteError => "global::NetGen.Cpu.LossKernels.AbsoluteError(" + a + ", targets, gradient, scale)",
            LossKind.BinaryCrossEntropy => "global::NetGen.Cpu.LossKernels.BinaryCrossEntropyWithLogits(" + z + ", targets, gradient, scale)",
            LossKind.SoftmaxCrossEntropy => "global::NetGen.Cpu.LossKernels.SoftmaxCrossEntropy(" + a + ", targets, gradient, batchSize, OutputSize, scale)",
            _ => "global::NetGen.Cpu.LossKernels.SquaredError(" + a + ", targets, gradient, scale)",
        };
        writer.Line("var sum = " + call + ";");
        writer.Line("return (float)(sum * scale);");
        writer.Close();
        writer.Line();
    }

    public static void WriteBackward(IndentedWriter writer, NetworkPlan plan)
    {
        var output = OutputLayer(plan);
        var lossGradientIsWithRespectToZ = plan.Network.Loss is LossKind.BinaryCrossEntropy or LossKind.SoftmaxCrossEntropy;
        writer.Open("private void RunBackward(global::System.ReadOnlySpan<float> inputs, int batchSize)");
        writer.Line("global::System.ReadOnlySpan<float> parameters = _parameters;");
        writer.Line("global::System.Span<float> gradients = _gradients;");
        var layers = DenseLayersWithSources(plan).ToList();
        for (var index = layers.Count - 1; index >= 0; index--)
        {
            var (layer, source) = layers[index];
            var z = Literals.PreActivationField(layer);
            var a = Literals.OutputField(layer);
            var delta = Literals.DeltaField(layer);
            var sizes = "batchSize, " + Literals.Int(layer.InputSize) + ", " + Literals.Int(layer.OutputSize);
            writer.Line();
            var fused = layer == output && lossGradientIsWithRespectToZ;
            writer.Line("// " + Describe(layer) + (fused ? " (the loss gradient is already with respect to z)" : string.Empty));
            if (!fused)
            {
                WriteActivationBackward(writer, layer, z, a, delta);
            }

            var biasGradient = layer.BiasLength > 0 ? Slice("gradients", layer.BiasOffset, layer.BiasLength) : "default";
            writer.Line(Kernels + ".ParameterGradients(" + delta + ", " + source + ", " +
                        Slice("gradients", layer.WeightOffset, layer.WeightLength) + ", " + biasGradient + ", " + sizes + ");");
            if (index > 0)
            {
                writer.Line(Kernels + ".InputGradient(" + delta + ", " + Slice("parameters", layer.WeightOffset, layer.WeightLength) + ", " +
                            Literals.DeltaField(layers[index - 1].Layer) + ", " + sizes + ");");
            }
        }

        writer.Close();
    }

    private static void WriteActivationBackward(IndentedWriter writer, PlannedLayer layer, string z, string a, string delta)
    {
        switch (layer.Layer.Activation)
        {
            case ActivationKind.Identity:
                break;
            case ActivationKind.Softmax:
                writer.Line(Kernels + ".SoftmaxBackward(" + a + ", " + delta + ", batchSize, " + Literals.Int(layer.OutputSize) + ");");
                break;
            case ActivationKind.PReLU:
                writer.Line(Kernels + ".PReluBackward(" + z + ", " + Slice("parameters", layer.AlphaOffset, layer.AlphaLength) + ", " + delta + ", " +
                            Slice("gradients", layer.AlphaOffset, layer.AlphaLength) + ", batchSize, " + Literals.Int(layer.OutputSize) + ");");
                break;
            default:
                writer.Line(Kernels + ".ActivationBackward(" + z + ", " + a + ", " + delta + ", batchSize * " + Literals.Int(layer.OutputSize) + ", " +
                            Literals.ActivationStruct(layer) + ");");
                break;
        }
    }

    private static IEnumerable<PlannedLayer> DenseLayers(NetworkPlan plan) => plan.Layers.Where(layer => layer.Kind == LayerKind.Dense);

    /// <summary>Each dense layer with the buffer it reads: the network's inputs, or the output of the dense layer below (flattens are views).</summary>
    private static IEnumerable<(PlannedLayer Layer, string Source)> DenseLayersWithSources(NetworkPlan plan)
    {
        var source = "inputs";
        foreach (var layer in DenseLayers(plan))
        {
            yield return (layer, source);
            source = Literals.OutputField(layer);
        }
    }

    private static string Slice(string buffer, int offset, int length) =>
        buffer + ".Slice(" + Literals.Int(offset) + ", " + Literals.Int(length) + ")";

    private static string Describe(PlannedLayer layer) =>
        layer.Name + ": Dense " + ShapeInference.FormatShape(layer.InputShape) + " → " + ShapeInference.FormatShape(layer.OutputShape) +
        ", " + layer.Layer.Activation;
}

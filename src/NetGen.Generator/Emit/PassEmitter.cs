using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes the forward pass, the loss and the backward pass as straight-line calls into the runtime's
/// kernels, every size a constant. A flatten layer is a view: it reuses the buffer below it, so only
/// "compute" layers (dense, convolution, pooling) own buffers.
/// </summary>
internal static class PassEmitter
{
    private const string Dense = "global::NetGen.Cpu.DenseKernels";
    private const string Conv = "global::NetGen.Cpu.Conv2DKernels";
    private const string Pooling = "global::NetGen.Cpu.PoolingKernels";

    public static IEnumerable<PlannedLayer> ComputeLayers(NetworkPlan plan) => plan.Layers.Where(layer => layer.Kind != LayerKind.Flatten);

    public static PlannedLayer OutputLayer(NetworkPlan plan) => ComputeLayers(plan).Last();

    /// <summary>Bytes a layer's buffers take per sample: z (when kept apart from a), a, δ, and the max-pool winners. Flatten owns none.</summary>
    public static long BufferBytesPerSample(PlannedLayer layer)
    {
        if (layer.Kind == LayerKind.Flatten)
        {
            return 0;
        }

        var buffers = 2 + (Literals.PreActivationField(layer) != Literals.OutputField(layer) ? 1 : 0) + (layer.Kind == LayerKind.MaxPool2D ? 1 : 0);
        return 4L * buffers * layer.OutputSize;
    }

    public static long BufferBytesPerSample(NetworkPlan plan) => plan.Layers.Sum(BufferBytesPerSample);

    public static void WriteCapacity(IndentedWriter writer, NetworkPlan plan)
    {
        writer.Open("private void EnsureBatchCapacity(int batchSize)");
        writer.Line("if (batchSize <= _batchCapacity)");
        writer.Line("{");
        writer.Line("    return;");
        writer.Line("}");
        writer.Line();
        foreach (var layer in ComputeLayers(plan))
        {
            var size = "checked(batchSize * " + Literals.Int(layer.OutputSize) + ")";
            if (Literals.PreActivationField(layer) != Literals.OutputField(layer))
            {
                writer.Line(Literals.PreActivationField(layer) + " = new float[" + size + "];");
            }

            writer.Line(Literals.OutputField(layer) + " = new float[" + size + "];");
            writer.Line(Literals.DeltaField(layer) + " = new float[" + size + "];");
            if (layer.Kind == LayerKind.MaxPool2D)
            {
                writer.Line(Literals.ArgMaxField(layer) + " = new int[" + size + "];");
            }
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
        foreach (var step in Steps(plan))
        {
            writer.Line();
            writer.Line("// " + Describe(step.Layer));
            WriteLayerForward(writer, step.Layer, step.Source);
        }

        writer.Close();
        writer.Line();
    }

    private static void WriteLayerForward(IndentedWriter writer, PlannedLayer layer, string source)
    {
        var z = Literals.PreActivationField(layer);
        var a = Literals.OutputField(layer);
        var bias = layer.BiasLength > 0 ? Slice("parameters", layer.BiasOffset, layer.BiasLength) : "default";
        var weight = Slice("parameters", layer.WeightOffset, layer.WeightLength);
        var denseSizes = "batchSize, " + Literals.Int(layer.InputSize) + ", " + Literals.Int(layer.OutputSize);
        switch (layer.Kind)
        {
            case LayerKind.Dense when layer.Layer.Activation == ActivationKind.Softmax:
                writer.Line(Dense + ".ForwardSoftmax(" + source + ", " + weight + ", " + bias + ", " + z + ", " + a + ", " + denseSizes + ");");
                break;
            case LayerKind.Dense when layer.Layer.Activation == ActivationKind.PReLU:
                writer.Line(Dense + ".ForwardPRelu(" + source + ", " + weight + ", " + bias + ", " +
                            Slice("parameters", layer.AlphaOffset, layer.AlphaLength) + ", " + z + ", " + a + ", " + denseSizes + ");");
                break;
            case LayerKind.Dense:
                writer.Line(Dense + ".Forward(" + source + ", " + weight + ", " + bias + ", " + z + ", " + a + ", " + denseSizes + ", " +
                            Literals.ActivationStruct(layer) + ");");
                break;
            case LayerKind.Conv2D:
                writer.Line(Conv + ".Forward(" + source + ", " + weight + ", " + bias + ", " + z + ", " + a + ", batchSize, " +
                            Literals.ShapeField(layer) + ", " + Literals.ActivationStruct(layer) + ");");
                break;
            case LayerKind.MaxPool2D:
                writer.Line(Pooling + ".MaxPoolForward(" + source + ", " + a + ", " + Literals.ArgMaxField(layer) + ", batchSize, " + Literals.ShapeField(layer) + ");");
                break;
            case LayerKind.AvgPool2D:
                writer.Line(Pooling + ".AvgPoolForward(" + source + ", " + a + ", batchSize, " + Literals.ShapeField(layer) + ");");
                break;
        }
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
        var firstTrainable = ComputeLayers(plan).First(layer => layer.ParameterCount > 0);
        writer.Open("private void RunBackward(global::System.ReadOnlySpan<float> inputs, int batchSize)");
        writer.Line("global::System.ReadOnlySpan<float> parameters = _parameters;");
        writer.Line("global::System.Span<float> gradients = _gradients;");
        var steps = Steps(plan).ToList();
        for (var index = steps.Count - 1; index >= 0; index--)
        {
            var layer = steps[index].Layer;
            if (ComputeLayers(plan).TakeWhile(candidate => candidate != firstTrainable).Contains(layer))
            {
                break; // Nothing below the first trainable layer needs a gradient.
            }

            var fused = layer == output && lossGradientIsWithRespectToZ;
            var inputDelta = index > 0 && layer != firstTrainable ? Literals.DeltaField(steps[index - 1].Layer) : "default";
            writer.Line();
            writer.Line("// " + Describe(layer) + (fused ? " (the loss gradient is already with respect to z)" : string.Empty));
            if (!fused)
            {
                WriteActivationBackward(writer, layer);
            }

            WriteLayerBackward(writer, layer, steps[index].Source, inputDelta);
        }

        writer.Close();
    }

    private static void WriteLayerBackward(IndentedWriter writer, PlannedLayer layer, string source, string inputDelta)
    {
        var delta = Literals.DeltaField(layer);
        var biasGradient = layer.BiasLength > 0 ? Slice("gradients", layer.BiasOffset, layer.BiasLength) : "default";
        var weight = Slice("parameters", layer.WeightOffset, layer.WeightLength);
        var weightGradient = Slice("gradients", layer.WeightOffset, layer.WeightLength);
        var denseSizes = "batchSize, " + Literals.Int(layer.InputSize) + ", " + Literals.Int(layer.OutputSize);
        switch (layer.Kind)
        {
            case LayerKind.Dense:
                writer.Line(Dense + ".ParameterGradients(" + delta + ", " + source + ", " + weightGradient + ", " + biasGradient + ", " + denseSizes + ");");
                if (inputDelta != "default")
                {
                    writer.Line(Dense + ".InputGradient(" + delta + ", " + weight + ", " + inputDelta + ", " + denseSizes + ");");
                }

                break;
            case LayerKind.Conv2D:
                writer.Line(Conv + ".Backward(" + source + ", " + weight + ", " + delta + ", " + weightGradient + ", " + biasGradient + ", " +
                            inputDelta + ", batchSize, " + Literals.ShapeField(layer) + ");");
                break;
            case LayerKind.MaxPool2D:
                writer.Line(Pooling + ".MaxPoolBackward(" + delta + ", " + Literals.ArgMaxField(layer) + ", " + inputDelta + ", batchSize, " +
                            Literals.ShapeField(layer) + ");");
                break;
            case LayerKind.AvgPool2D:
                writer.Line(Pooling + ".AvgPoolBackward(" + delta + ", " + inputDelta + ", batchSize, " + Literals.ShapeField(layer) + ");");
                break;
        }
    }

    private static void WriteActivationBackward(IndentedWriter writer, PlannedLayer layer)
    {
        if (!layer.Layer.HasActivation)
        {
            return;
        }

        var z = Literals.PreActivationField(layer);
        var a = Literals.OutputField(layer);
        var delta = Literals.DeltaField(layer);
        switch (layer.Layer.Activation)
        {
            case ActivationKind.Identity:
                break;
            case ActivationKind.Softmax:
                writer.Line(Dense + ".SoftmaxBackward(" + a + ", " + delta + ", batchSize, " + Literals.Int(layer.OutputSize) + ");");
                break;
            case ActivationKind.PReLU:
                writer.Line(Dense + ".PReluBackward(" + z + ", " + Slice("parameters", layer.AlphaOffset, layer.AlphaLength) + ", " + delta + ", " +
                            Slice("gradients", layer.AlphaOffset, layer.AlphaLength) + ", batchSize, " + Literals.Int(layer.OutputSize) + ");");
                break;
            default:
                writer.Line(Dense + ".ActivationBackward(" + z + ", " + a + ", " + delta + ", batchSize * " + Literals.Int(layer.OutputSize) + ", " +
                            Literals.ActivationStruct(layer) + ");");
                break;
        }
    }

    /// <summary>Each compute layer with the buffer it reads: the network's inputs, or the output of the compute layer below (flattens are views).</summary>
    private static IEnumerable<(PlannedLayer Layer, string Source)> Steps(NetworkPlan plan)
    {
        var source = "inputs";
        foreach (var layer in ComputeLayers(plan))
        {
            yield return (layer, source);
            source = Literals.OutputField(layer);
        }
    }

    private static string Slice(string buffer, int offset, int length) =>
        buffer + ".Slice(" + Literals.Int(offset) + ", " + Literals.Int(length) + ")";

    public static string Describe(PlannedLayer layer) =>
        layer.Name + ": " + layer.Kind + " " + ShapeInference.FormatShape(layer.InputShape) + " → " + ShapeInference.FormatShape(layer.OutputShape) +
        layer.Kind switch
        {
            LayerKind.Conv2D => ", " + layer.Window + "×" + layer.Window + " kernel, stride " + layer.Stride + ", padding " + layer.Padding + ", " + layer.Layer.Activation,
            LayerKind.MaxPool2D or LayerKind.AvgPool2D => ", " + layer.Window + "×" + layer.Window + " window, stride " + layer.Stride + ", padding " + layer.Padding,
            LayerKind.Dense => ", " + layer.Layer.Activation,
            _ => string.Empty,
        };
}

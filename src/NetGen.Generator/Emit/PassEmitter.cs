using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Activations;
using NetGen.Generator.Layers;
using NetGen.Generator.Losses;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes the buffers, the forward pass, the loss and the backward pass as straight-line calls into the runtime's kernels,
/// every size a constant. Each layer writes its own calls through its descriptor; views (flatten, reshape) own no buffer,
/// so a layer reads the output of the nearest compute layer below it.
/// </summary>
internal static class PassEmitter
{
    /// <summary>The compute layers in order, each with the span it reads and the compute layer below it.</summary>
    public static IReadOnlyList<CSharpLayer> ComputeLayers(NetworkPlan plan)
    {
        var layers = new List<CSharpLayer>();
        for (var index = 0; index < plan.Layers.Count; index++)
        {
            if (LayerCatalog.ComputeFor(plan.Layers[index]) is { } descriptor)
            {
                var below = layers.LastOrDefault();
                layers.Add(new CSharpLayer(plan.Layers[index], descriptor, index, below?.Output ?? "inputs", below));
            }
        }

        return layers;
    }

    public static CSharpLayer OutputLayer(NetworkPlan plan) => ComputeLayers(plan).Last();

    /// <summary>Bytes a layer's buffers take per sample (a float or an int is 4 bytes each). Views own none.</summary>
    public static long BufferBytesPerSample(PlannedLayer layer) => 4L * layer.Buffers.Sum(buffer => (long)buffer.PerSample);

    public static long BufferBytesPerSample(NetworkPlan plan) => plan.Layers.Sum(BufferBytesPerSample);

    public static void WriteBufferFields(IndentedWriter writer, NetworkPlan plan)
    {
        foreach (var layer in ComputeLayers(plan))
        {
            foreach (var buffer in layer.Plan.Buffers)
            {
                var type = ElementType(buffer);
                writer.Line(buffer.PerSample == 0
                    ? "private readonly " + type + "[] " + layer.Buffer(buffer.Role) + " = new " + type + "[" + Literals.Int(buffer.Fixed) + "];"
                    : "private " + type + "[] " + layer.Buffer(buffer.Role) + " = global::System.Array.Empty<" + type + ">();");
            }
        }

        foreach (var layer in ComputeLayers(plan))
        {
            if (layer.Descriptor.CpuShape(layer.Plan) is { } shape)
            {
                writer.Line("private static readonly " + shape.Type + " " + layer.ShapeField + " = new(" + shape.Arguments + ");");
            }
        }
    }

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
            foreach (var buffer in layer.Plan.Buffers.Where(buffer => buffer.PerSample > 0))
            {
                var fixedPart = buffer.Fixed > 0 ? Literals.Int(buffer.Fixed) + " + " : string.Empty;
                writer.Line(layer.Buffer(buffer.Role) + " = new " + ElementType(buffer) + "[checked(" + fixedPart + "batchSize * " + Literals.Int(buffer.PerSample) + ")];");
            }
        }

        writer.Line("_batchCapacity = batchSize;");
        writer.Close();
        writer.Line();
    }

    public static void WriteForward(IndentedWriter writer, NetworkPlan plan)
    {
        writer.Open("private void RunForward(global::System.ReadOnlySpan<float> inputs, int batchSize, bool training)");
        writer.Line("EnsureBatchCapacity(batchSize);");
        writer.Line("_lastBatchSize = batchSize;");
        writer.Line("global::System.ReadOnlySpan<float> parameters = _parameters;");
        if (plan.StateCount > 0)
        {
            writer.Line("global::System.Span<float> state = _state;");
        }

        foreach (var layer in ComputeLayers(plan))
        {
            writer.Line();
            writer.Line("// " + layer.Descriptor.Describe(layer.Plan));
            layer.Descriptor.WriteForward(layer, writer);
            ActivationPasses.WriteForward(layer, writer);
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
        writer.Line("var gradient = computeGradient ? " + Literals.Prefix(output.Delta, "count") + " : default;");
        var call = LossCatalog.For(plan.Network.Loss).CpuCall(Literals.Prefix(output.Output, "count"), Literals.Prefix(output.PreActivation, "count"));
        writer.Line("var sum = " + call + ";");
        writer.Line("return (float)(sum * scale);");
        writer.Close();
        writer.Line();
    }

    /// <summary>From the output down to the first layer with parameters (nothing below it needs a gradient): activation backward, then the layer's own.</summary>
    public static void WriteBackward(IndentedWriter writer, NetworkPlan plan)
    {
        var layers = ComputeLayers(plan);
        var output = layers[layers.Count - 1];
        var lossGradientIsWithRespectToZ = LossCatalog.For(plan.Network.Loss).GradientIsWithRespectToZ;
        var firstTrainable = layers.First(layer => layer.Plan.ParameterCount > 0);
        writer.Open("private void RunBackward(global::System.ReadOnlySpan<float> inputs, int batchSize)");
        writer.Line("global::System.ReadOnlySpan<float> parameters = _parameters;");
        writer.Line("global::System.Span<float> gradients = _gradients;");
        for (var index = layers.Count - 1; index >= 0; index--)
        {
            var layer = layers[index];
            var fused = layer == output && lossGradientIsWithRespectToZ;
            layer.InputDelta = layer != firstTrainable && layer.Below is { } below ? below.Delta : "default";
            writer.Line();
            writer.Line("// " + layer.Descriptor.Describe(layer.Plan) + (fused ? " (the loss gradient is already with respect to z)" : string.Empty));
            if (!fused)
            {
                ActivationPasses.WriteBackward(layer, writer);
            }

            layer.Descriptor.WriteBackward(layer, writer);
            if (layer == firstTrainable)
            {
                break;
            }
        }

        writer.Close();
    }

    private static string ElementType(PlannedBuffer buffer) => buffer.Element == BufferElement.Int ? "int" : "float";
}

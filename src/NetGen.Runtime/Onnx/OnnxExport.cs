using System;
using System.IO;

namespace NetGen.Onnx;

/// <summary>
/// Writes a network as an ONNX model for inference, with its current parameters and layer state: input "input" shaped
/// [batch, …the network's input shape], output "output" shaped [batch, OutputSize], computing what <c>Forward</c>
/// computes (dropout and DropConnect pass values unchanged, batch normalisation uses its running statistics, noisy ReLU
/// is ReLU). IR version 8, default opset 13 (see docs/dsl.md for the operator of each layer and activation).
/// </summary>
public static class OnnxExport
{
    /// <summary>Protobuf refuses messages of 2 GiB or more; ONNX's external data files are not written.</summary>
    private const long MaximumTensorBytes = int.MaxValue - (64L << 20);

    /// <summary>
    /// Writes <paramref name="network"/> to the file <paramref name="path"/>, replacing it (through a temporary file, so a
    /// failed export leaves no half-written model), creating its directory.
    /// </summary>
    /// <exception cref="NotSupportedException">A layer or activation has no ONNX form, or the model would exceed 2 GiB; the message names the network, the layer and why.</exception>
    public static void Save(INetwork network, string path, OnnxExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var model = Serialize(network, options);
        CheckpointFile.WriteThroughTemporary(path, file => file.Write(model.Span));
    }

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/> at its current position.</summary>
    /// <exception cref="NotSupportedException">A layer or activation has no ONNX form, or the model would exceed 2 GiB; the message names the network, the layer and why.</exception>
    public static void Save(INetwork network, Stream stream, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Serialize(network, options).Span);
    }

    private static ReadOnlyMemory<byte> Serialize(INetwork network, OnnxExportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new OnnxExportOptions();
        if (4L * (network.Parameters.Length + network.State.Length) > MaximumTensorBytes)
        {
            throw new NotSupportedException(
                $"{network.Name} cannot be exported to ONNX: its {network.Parameters.Length + network.State.Length} floats of parameters and state exceed the 2 GiB a protobuf message holds, and ONNX's external data is not written.");
        }

        var graph = BuildGraph(network, options);
        var producerVersion = typeof(OnnxExport).Assembly.GetName().Version?.ToString() ?? string.Empty;
        return OnnxModelWriter.Write(graph, options.Opset, producerVersion).WrittenMemory;
    }

    private static OnnxGraph BuildGraph(INetwork network, OnnxExportOptions options)
    {
        var layers = network.Layers;
        var inputShape = layers.Count > 0 ? layers[0].InputShape : [network.InputSize];
        var graph = new OnnxGraphBuilder(network, inputShape);
        if (OnnxLayerMapping.Size(inputShape) != network.InputSize)
        {
            throw graph.Unsupported(layers[0], $"it takes {OnnxLayerMapping.Size(inputShape)} floats per sample but the network's input has {network.InputSize}");
        }

        foreach (var layer in layers)
        {
            OnnxLayerMapping.Add(graph, layer);
        }

        if (OnnxLayerMapping.Size(graph.CurrentShape) != network.OutputSize)
        {
            throw new InvalidOperationException(
                $"{network.Name}: its layers give {OnnxLayerMapping.Size(graph.CurrentShape)} floats per sample, but its OutputSize is {network.OutputSize}.");
        }

        graph.EnsureShape(network.Name, [network.OutputSize]);
        if (options.AppendSoftmax)
        {
            graph.Apply(network.Name, "Softmax", OnnxAttribute.Of("axis", -1L));
        }

        return graph.Build();
    }
}

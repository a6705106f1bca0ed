using System;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using NetGen.Onnx.Tests.Infrastructure;

namespace NetGen.Onnx.Tests;

/// <summary>The model's bytes, read back by an independent protobuf reader and by ONNX Runtime, say what onnx.proto expects.</summary>
public sealed class OnnxModelStructureTests
{
    private readonly INetwork _network = TestNetworks.Create("Samples.LeNet5");

    [Fact]
    public void TheModelHeaderNamesIrVersionOpsetAndProducer()
    {
        var model = new ProtobufMessage(OnnxRunner.Export(_network, new OnnxExportOptions { Opset = 17 }));

        Assert.Equal(8, model.Int(1));
        Assert.Equal("NetGen", model.String(2));
        var opset = Assert.Single(model.Messages(8));
        Assert.Equal(string.Empty, opset.String(1));
        Assert.Equal(17, opset.Int(2));
    }

    [Fact]
    public void InitializersHoldTheParametersAsRawLittleEndianFloats()
    {
        var graph = new ProtobufMessage(OnnxRunner.Export(_network)).Message(7);
        var initializers = graph.Messages(5).ToDictionary(tensor => tensor.String(8));

        foreach (var parameter in _network.ParameterTensors)
        {
            var tensor = initializers[parameter.Name];
            Assert.Equal(parameter.Shape.Select(dimension => (long)dimension), tensor.PackedInts(1));
            Assert.Equal(1, tensor.Int(2));
            var raw = tensor.Bytes(9);
            var values = Enumerable.Range(0, raw.Length / 4).Select(i => BitConverter.ToSingle(raw, 4 * i)).ToArray();
            Assert.Equal(parameter.Slice((ReadOnlySpan<float>)_network.Parameters).ToArray(), values);
        }
    }

    [Fact]
    public void NodesChainFromInputToOutputInOrder()
    {
        var graph = new ProtobufMessage(OnnxRunner.Export(_network)).Message(7);
        var nodes = graph.Messages(1).ToArray();
        var initializers = graph.Messages(5).Select(tensor => tensor.String(8)).ToHashSet();

        Assert.Equal(["Conv", "Relu", "MaxPool", "Conv", "Relu", "MaxPool", "Flatten", "Gemm", "Relu", "Gemm", "Relu", "Gemm"], nodes.Select(node => node.String(4)));
        var available = new System.Collections.Generic.HashSet<string>(initializers) { "input" };
        foreach (var node in nodes)
        {
            Assert.All(node.Strings(1), input => Assert.Contains(input, available));
            available.UnionWith(node.Strings(2));
        }

        Assert.Equal("output", nodes[^1].Strings(2).Single());
        var gemm = nodes[^1].Messages(5).Single();
        Assert.Equal(("transB", 1L, 2L), (gemm.String(1), gemm.Int(3), gemm.Int(20)));
    }

    [Fact]
    public void InputAndOutputHaveASymbolicBatchDimension()
    {
        using var session = new InferenceSession(OnnxRunner.Export(_network));

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("input", input.Key);
        Assert.Equal([-1, 1, 28, 28], input.Value.Dimensions);
        Assert.Equal("batch", input.Value.SymbolicDimensions[0]);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal("output", output.Key);
        Assert.Equal([-1, 10], output.Value.Dimensions);
        Assert.Equal("batch", output.Value.SymbolicDimensions[0]);
        Assert.Equal(typeof(float), output.Value.ElementType);
    }

    [Fact]
    public void SaveToAPathWritesTheStreamsBytes()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netgen-onnx-" + Guid.NewGuid().ToString("N") + ".onnx");
        try
        {
            OnnxExport.Save(_network, path);
            Assert.Equal(OnnxRunner.Export(_network), System.IO.File.ReadAllBytes(path));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}

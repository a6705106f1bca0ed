using System;
using System.IO;
using System.Linq;
using NetGen.Onnx.Tests.Infrastructure;

namespace NetGen.Onnx.Tests;

/// <summary>What cannot be exported is refused before anything is written, with the network, the layer and the reason.</summary>
public sealed class OnnxUnsupportedTests
{
    private readonly INetwork _network = TestNetworks.Create(nameof(NetGen.Tests.Networks.ReluNet));

    [Fact]
    public void AnActivationWithoutAMappingNamesTheNetworkLayerAndActivation()
    {
        var exception = ExportWithLayer(0, hidden => new DenseLayerInfo(
            hidden.Name, [.. hidden.InputShape], [.. hidden.OutputShape], new LayerActivation((Activation)99), hidden.Weight, hidden.Bias, 0f));

        Assert.Equal("ReluNet cannot be exported to ONNX: layer 'Hidden' (Dense): its activation 99 has no ONNX mapping.", exception.Message);
    }

    [Fact]
    public void PReluWithoutItsSlopesIsRefused()
    {
        var exception = ExportWithLayer(0, hidden => new DenseLayerInfo(
            hidden.Name, [.. hidden.InputShape], [.. hidden.OutputShape], new LayerActivation(Activation.PReLU, 0.25f), hidden.Weight, hidden.Bias, 0f));

        Assert.Contains("layer 'Hidden' (Dense): PReLU without its learned slopes", exception.Message);
    }

    [Fact]
    public void AFirstLayerThatDoesNotTakeTheInputIsRefused()
    {
        var exception = ExportWithLayer(0, hidden => new DenseLayerInfo(
            hidden.Name, [hidden.InputShape[0] + 1], [.. hidden.OutputShape], hidden.Activation, hidden.Weight, hidden.Bias, 0f));

        Assert.Contains("layer 'Hidden' (Dense): it takes 4 floats per sample but the network's input has 3", exception.Message);
    }

    [Fact]
    public void ALayerWhoseTensorsDoNotGiveItsShapeIsRefused()
    {
        var exception = ExportWithLayer(0, hidden => new DenseLayerInfo(
            hidden.Name, [.. hidden.InputShape], [hidden.OutputShape[0] + 1], hidden.Activation, hidden.Weight, hidden.Bias, 0f));

        Assert.Contains("layer 'Hidden' (Dense): it declares 5 floats per sample out but its tensors give 4", exception.Message);
    }

    [Fact]
    public void LayersThatDoNotChainAreRefused()
    {
        var exception = ExportWithLayer(1, output => new DenseLayerInfo(
            output.Name, [output.InputShape[0] + 1], [.. output.OutputShape], output.Activation, output.Weight, output.Bias, 0f));

        Assert.Contains("layer 'Output' (Dense): it takes 5 floats per sample but the layers before it give 4", exception.Message);
    }

    [Fact]
    public void AnOpsetOutsideTheWrittenRangeIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxExportOptions { Opset = 12 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxExportOptions { Opset = 18 });
    }

    /// <summary>The layer kinds export refuses: the recurrent cells, which ONNX's LSTM, GRU and RNN operators could one day take.</summary>
    public static LayerKind[] RefusedKinds { get; } = [LayerKind.SimpleRnn, LayerKind.Lstm, LayerKind.Gru];

    public static TheoryData<string, string> RefusedNetworks => new()
    {
        { nameof(NetGen.Tests.Networks.ElmanNet), "ElmanNet cannot be exported to ONNX: layer 'Elman' (SimpleRnn): recurrent layers have no ONNX mapping in NetGen." },
        { nameof(NetGen.Tests.Networks.LstmNet), "LstmNet cannot be exported to ONNX: layer 'Memory' (Lstm): recurrent layers have no ONNX mapping in NetGen." },
        { nameof(NetGen.Tests.Networks.GruNet), "GruNet cannot be exported to ONNX: layer 'Cell' (Gru): recurrent layers have no ONNX mapping in NetGen." },
        { nameof(NetGen.Tests.Networks.StackedRecurrentNet), "StackedRecurrentNet cannot be exported to ONNX: layer 'Encoder' (Gru): recurrent layers have no ONNX mapping in NetGen." },
        {
            nameof(NetGen.Tests.Networks.PerStepDenseNet),
            "PerStepDenseNet cannot be exported to ONNX: layer 'PerStep' (Dense): a dense layer applied at every step of a sequence (PerStep = true, 4×3 in) has no ONNX mapping in NetGen."
        },
    };

    [Theory]
    [MemberData(nameof(RefusedNetworks))]
    public void RecurrentAndPerStepLayersAreRefusedNamingTheLayerAndItsKind(string name, string message)
    {
        using var stream = new MemoryStream();

        var exception = Assert.Throws<NotSupportedException>(() => OnnxExport.Save(CreateRefused(name), stream));

        Assert.Equal(message, exception.Message);
        Assert.Equal(0, stream.Length);
    }

    public static INetwork CreateRefused(string name) => name switch
    {
        nameof(NetGen.Tests.Networks.ElmanNet) => new NetGen.Tests.Networks.ElmanNet(),
        nameof(NetGen.Tests.Networks.LstmNet) => new NetGen.Tests.Networks.LstmNet(),
        nameof(NetGen.Tests.Networks.GruNet) => new NetGen.Tests.Networks.GruNet(),
        nameof(NetGen.Tests.Networks.StackedRecurrentNet) => new NetGen.Tests.Networks.StackedRecurrentNet(),
        nameof(NetGen.Tests.Networks.PerStepDenseNet) => new NetGen.Tests.Networks.PerStepDenseNet(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private NotSupportedException ExportWithLayer(int index, Func<DenseLayerInfo, LayerInfo> replace)
    {
        var layers = _network.Layers.ToArray();
        layers[index] = replace((DenseLayerInfo)layers[index]);
        var network = new ReplacedLayersNetwork(_network, layers);
        using var stream = new MemoryStream();

        var exception = Assert.Throws<NotSupportedException>(() => OnnxExport.Save(network, stream));

        Assert.Equal(0, stream.Length);
        return exception;
    }
}

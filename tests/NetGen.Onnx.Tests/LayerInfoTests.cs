using System.Linq;
using NetGen.Onnx.Tests.Infrastructure;

namespace NetGen.Onnx.Tests;

/// <summary>The generated INetwork.Layers describes the network it is on: shapes that chain, and every tensor once, in buffer order.</summary>
public sealed class LayerInfoTests
{
    public static TheoryData<string> Networks => TestNetworks.Names;

    [Theory]
    [MemberData(nameof(Networks))]
    public void LayersChainFromInputToOutputAndOwnEveryTensorOnce(string name)
    {
        var network = TestNetworks.Create(name);
        var layers = network.Layers;

        Assert.NotEmpty(layers);
        Assert.Equal(network.InputSize, Size(layers[0].InputShape));
        Assert.All(layers.Zip(layers.Skip(1)), pair => Assert.Equal(Size(pair.First.OutputShape), Size(pair.Second.InputShape)));
        Assert.Equal(network.OutputSize, Size(layers[^1].OutputShape));
        Assert.Equal(network.ParameterTensors, layers.SelectMany(layer => layer.Parameters));
        Assert.Equal(network.StateTensors, layers.SelectMany(layer => layer.State));
        Assert.All(layers, layer => Assert.All(layer.Parameters.Concat<NamedTensor>(layer.State), tensor => Assert.StartsWith(layer.Name + ".", tensor.Name)));
    }

    [Fact]
    public void EachKindCarriesItsOptions()
    {
        var layers = new Samples.Mnist.RegularizedLeNet() is INetwork network ? network.Layers : [];

        var conv = Assert.IsType<Conv2DLayerInfo>(layers[0]);
        Assert.Equal(("Conv1", 5, 1, 2, null), (conv.Name, conv.Kernel, conv.Stride, conv.Padding, conv.Bias));
        Assert.Equal([1, 28, 28], conv.InputShape);
        Assert.Equal([32, 28, 28], conv.OutputShape);
        var norm = Assert.IsType<BatchNormLayerInfo>(layers[1]);
        Assert.Equal((Activation.ReLU, 1e-5f, 0.1f), (norm.Activation.Function, norm.Epsilon, norm.Momentum));
        var pool = Assert.IsType<Pool2DLayerInfo>(layers[2]);
        Assert.Equal((LayerKind.MaxPool2D, 2, 2, 0), (pool.Kind, pool.Window, pool.Stride, pool.Padding));
        Assert.Equal(LayerKind.Flatten, Assert.IsType<ViewLayerInfo>(layers[6]).Kind);
        Assert.Equal(0.5f, Assert.IsType<DropoutLayerInfo>(layers[9]).Rate);
        var logits = Assert.IsType<DenseLayerInfo>(layers[10]);
        Assert.Same(LayerActivation.Identity, logits.Activation);
        Assert.Equal("Logits.Bias", logits.Bias?.Name);
    }

    [Fact]
    public void ActivationsCarryAlphaAndPReluItsSlopes()
    {
        var leaky = (DenseLayerInfo)((INetwork)new NetGen.Tests.Networks.LeakyReluNet()).Layers[0];
        Assert.Equal(new LayerActivation(Activation.LeakyReLU, 0.2f), leaky.Activation);

        var prelu = (DenseLayerInfo)((INetwork)new NetGen.Tests.Networks.PReluNet()).Layers[1];
        Assert.Equal((Activation.PReLU, 0.1f, "Output.Alpha"), (prelu.Activation.Function, prelu.Activation.Alpha, prelu.Activation.LearnedAlpha?.Name));
        Assert.Equal(["Output.Weight", "Output.Bias", "Output.Alpha"], prelu.Parameters.Select(tensor => tensor.Name));

        var maxout = (MaxoutLayerInfo)((INetwork)new NetGen.Tests.Networks.MaxoutNet()).Layers[1];
        Assert.Equal(3, maxout.Pieces);

        var rbf = (RbfLayerInfo)((INetwork)new NetGen.Tests.Networks.RbfNet()).Layers[1];
        Assert.Equal((LayerKind.Rbf, "Kernels.Center", "Kernels.LogWidth"), (rbf.Kind, rbf.Center.Name, rbf.LogWidth.Name));
        Assert.Equal([5, 4], rbf.Center.Shape);
    }

    private static int Size(System.Collections.Generic.IReadOnlyList<int> shape) => shape.Aggregate(1, (product, dimension) => product * dimension);
}

using System;
using System.Linq;
using NetGen.Onnx.Tests.Infrastructure;

namespace NetGen.Onnx.Tests;

/// <summary>The networks the parity tests export reach every layer kind and every activation.</summary>
public sealed class OnnxCoverageTests
{
    private static readonly LayerInfo[] s_layers = TestNetworks.All.SelectMany(name => TestNetworks.Create(name).Layers).ToArray();

    [Fact]
    public void EveryLayerKindIsExported() =>
        Assert.Equal(Enum.GetValues<LayerKind>(), s_layers.Select(layer => layer.Kind).Distinct().Order());

    [Fact]
    public void EveryActivationIsExported() =>
        Assert.Equal(Enum.GetValues<Activation>(), s_layers.Select(ActivationOf).OfType<Activation>().Distinct().Order());

    private static Activation? ActivationOf(LayerInfo layer) => layer switch
    {
        DenseLayerInfo dense => dense.Activation.Function,
        Conv2DLayerInfo conv => conv.Activation.Function,
        BatchNormLayerInfo norm => norm.Activation.Function,
        _ => null,
    };
}

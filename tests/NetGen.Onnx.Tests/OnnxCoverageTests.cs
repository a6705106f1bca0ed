using System;
using System.Linq;
using NetGen.Onnx.Tests.Infrastructure;

namespace NetGen.Onnx.Tests;

/// <summary>
/// The networks the parity tests export reach every layer kind and every activation, but the recurrent layers, which
/// export refuses (<see cref="OnnxUnsupportedTests"/>) with a network of each.
/// </summary>
public sealed class OnnxCoverageTests
{
    private static readonly LayerInfo[] s_layers = TestNetworks.All.SelectMany(name => TestNetworks.Create(name).Layers).ToArray();

    [Fact]
    public void EveryLayerKindIsExportedButTheRecurrentOnes() =>
        Assert.Equal(Enum.GetValues<LayerKind>().Except(OnnxUnsupportedTests.RefusedKinds), s_layers.Select(layer => layer.Kind).Distinct().Order());

    [Fact]
    public void EveryRefusedLayerKindHasANetworkThatIsRefused() =>
        Assert.Equal(OnnxUnsupportedTests.RefusedKinds.Order(),
            OnnxUnsupportedTests.RefusedNetworks.SelectMany(row => OnnxUnsupportedTests.CreateRefused((string)row[0]).Layers)
                .Select(layer => layer.Kind).Where(OnnxUnsupportedTests.RefusedKinds.Contains).Distinct().Order());

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

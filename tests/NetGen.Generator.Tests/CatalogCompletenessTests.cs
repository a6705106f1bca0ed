using System;
using System.IO;
using System.Linq;
using NetGen.Generator.Activations;
using NetGen.Generator.Layers;
using NetGen.Generator.Losses;
using NetGen.Generator.Model;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Every layer attribute, activation and loss of NetGen.Attributes is known to the generator in exactly one place
/// (its catalog entry) and documented in docs/dsl.md. The runtime and emulation test projects check that each also has a
/// gradient-checked network and a CUDA parity network.
/// </summary>
public sealed class CatalogCompletenessTests
{
    private static readonly Type[] s_layerAttributes = typeof(LayerAttribute).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(LayerAttribute)) && !type.IsAbstract)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void EveryLayerAttributeHasOneDescriptor()
    {
        Assert.NotEmpty(s_layerAttributes);
        Assert.All(s_layerAttributes, attribute => Assert.True(
            LayerCatalog.ForAttribute(attribute.Name) is { } descriptor && descriptor.AttributeName == attribute.Name,
            attribute.Name + " has no descriptor in LayerCatalog"));
        Assert.Equal(s_layerAttributes.Length, LayerCatalog.All.Length);
        Assert.Equal(LayerCatalog.All.Length, LayerCatalog.All.Select(descriptor => descriptor.Kind).Distinct().Count());
        Assert.Equal(Enum.GetValues<Model.LayerKind>().OrderBy(kind => kind), LayerCatalog.All.Select(descriptor => descriptor.Kind).OrderBy(kind => kind));
    }

    [Fact]
    public void TheRuntimesLayerKindsAreTheGeneratorsButTheInput() =>
        Assert.Equal(
            Enum.GetNames<Model.LayerKind>().Where(kind => kind != nameof(Model.LayerKind.Input)),
            Enum.GetNames<NetGen.LayerKind>());

    [Fact]
    public void EveryActivationHasOneEntry()
    {
        Assert.Equal(Enum.GetValues<ActivationKind>(), ActivationCatalog.All.Select(entry => entry.Kind));
        Assert.All(ActivationCatalog.All, entry => Assert.Equal(
            entry.Form is ActivationForm.Identity or ActivationForm.Elementwise or ActivationForm.Noisy, entry.CudaName is not null));
        Assert.All(ActivationCatalog.All, entry => Assert.Equal(entry.Form == ActivationForm.Noisy, entry.CudaNoisyForward is not null));
    }

    [Fact]
    public void EveryLossHasOneDefinition() =>
        Assert.Equal(Enum.GetValues<LossKind>(), LossCatalog.All.Select(loss => loss.Kind));

    [Fact]
    public void TheDslDocumentHasARowForEveryLayerActivationAndLoss()
    {
        var dsl = File.ReadAllText(Path.Combine(RepositoryRoot.Locate(), "docs", "dsl.md"));
        var tableRows = dsl.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();

        var missing = s_layerAttributes
            .Select(type => type.Name.Replace("Attribute", string.Empty, StringComparison.Ordinal))
            .Where(name => !tableRows.Any(row => row.StartsWith("| `[" + name + "(", StringComparison.Ordinal) || row.StartsWith("| `[" + name + "]`", StringComparison.Ordinal)))
            .Select(name => "layer [" + name + "]")
            .Concat(Enum.GetNames<ActivationKind>().Where(name => !tableRows.Any(row => row.StartsWith("| `" + name + "`", StringComparison.Ordinal))).Select(name => "activation " + name))
            .Concat(Enum.GetNames<LossKind>().Where(name => !tableRows.Any(row => row.StartsWith("| `" + name + "`", StringComparison.Ordinal))).Select(name => "loss " + name))
            .ToList();

        Assert.True(missing.Count == 0, "docs/dsl.md has no table row for: " + string.Join(", ", missing));
    }
}

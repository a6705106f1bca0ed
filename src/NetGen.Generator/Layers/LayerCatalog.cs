using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NetGen.Generator.Layers.BatchNorm;
using NetGen.Generator.Layers.Conv2D;
using NetGen.Generator.Layers.Dense;
using NetGen.Generator.Layers.Dropout;
using NetGen.Generator.Layers.Flatten;
using NetGen.Generator.Layers.Input;
using NetGen.Generator.Layers.Maxout;
using NetGen.Generator.Layers.Rbf;
using NetGen.Generator.Layers.Recurrent;
using NetGen.Generator.Layers.Pool2D;
using NetGen.Generator.Layers.Reshape;
using NetGen.Generator.Model;

namespace NetGen.Generator.Layers;

/// <summary>Every layer kind, one descriptor each: the one list a new kind is added to.</summary>
internal static class LayerCatalog
{
    public static ImmutableArray<LayerDescriptor> All { get; } =
    [
        InputLayer.Instance,
        DenseLayer.Instance,
        Conv2DLayer.Instance,
        Pool2DLayer.Max,
        Pool2DLayer.Average,
        FlattenLayer.Instance,
        ReshapeLayer.Instance,
        DropoutLayer.Instance,
        BatchNormLayer.Instance,
        MaxoutLayer.Instance,
        RbfLayer.Instance,
        RecurrentLayer.SimpleRnn,
        RecurrentLayer.Lstm,
        RecurrentLayer.Gru,
    ];

    private static readonly Dictionary<LayerKind, LayerDescriptor> s_byKind = All.ToDictionary(descriptor => descriptor.Kind);

    private static readonly Dictionary<string, LayerDescriptor> s_byAttribute = All.ToDictionary(descriptor => descriptor.AttributeName, System.StringComparer.Ordinal);

    /// <summary>The descriptor of a NetGen attribute class, or null for attributes that declare no layer ([Network]).</summary>
    public static LayerDescriptor? ForAttribute(string attributeName) => s_byAttribute.TryGetValue(attributeName, out var descriptor) ? descriptor : null;

    public static LayerDescriptor For(LayerKind kind) =>
        s_byKind.TryGetValue(kind, out var descriptor) ? descriptor : throw new KeyNotFoundException("No layer descriptor for " + kind + ".");

    /// <summary>The descriptor of a planned layer (any kind but the input).</summary>
    public static PlannedLayerDescriptor For(PlannedLayer layer) => (PlannedLayerDescriptor)For(layer.Kind);

    /// <summary>The descriptor of a layer that computes, or null for views.</summary>
    public static ComputeLayerDescriptor? ComputeFor(PlannedLayer layer) => For(layer.Kind) as ComputeLayerDescriptor;
}

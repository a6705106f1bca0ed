using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Model;

namespace NetGen.Generator.Inference;

/// <summary>What a descriptor plans a layer from: the layer, the shape it receives and where that comes from; and where its diagnostics go.</summary>
internal sealed class LayerPlanning(NetworkModel network, LayerModel layer, Shape input, string previousName, LayerKind previousKind, List<DiagnosticInfo> diagnostics)
{
    public NetworkModel Network => network;

    public LayerModel Layer => layer;

    /// <summary>The shape the layer below produces (the network's input for the first layer).</summary>
    public Shape Input => input;

    /// <summary>The name of the layer below, or of the input.</summary>
    public string PreviousName => previousName;

    /// <summary>The kind of the layer below, or <see cref="LayerKind.Input"/>.</summary>
    public LayerKind PreviousKind => previousKind;

    /// <summary>Reports a diagnostic on the layer's attribute.</summary>
    public void Report(DiagnosticDescriptor descriptor, params object[] arguments) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, layer.Location, arguments));
}

/// <summary>A descriptor's plan of one layer; inference places its tensors in the network's buffers.</summary>
internal sealed record LayerPlan(
    Shape Input,
    Shape Output,
    LayerOptions Options,
    IReadOnlyList<TensorDeclaration> Tensors,
    IReadOnlyList<PlannedBuffer> Buffers)
{
    /// <summary>A view's plan: a new shape over the same buffer, nothing owned.</summary>
    public static LayerPlan View(Shape input, Shape output, LayerOptions options) => new(input, output, options, [], []);
}

/// <summary>A tensor a layer declares, before inference gives it an offset.</summary>
internal sealed record TensorDeclaration(
    string Role,
    TensorStorage Storage,
    EquatableArray<int> Shape,
    TensorInitialization Initialization,
    string? Documentation = null)
{
    /// <summary>Elements, saturating just past <see cref="int.MaxValue"/> (which inference reports as too large).</summary>
    public long Length
    {
        get
        {
            long product = 1;
            foreach (var dimension in Shape)
            {
                product = System.Math.Min(product * dimension, (long)int.MaxValue + 1);
            }

            return product;
        }
    }

    public static TensorDeclaration Parameter(string role, EquatableArray<int> shape, TensorInitialization initialization, string? documentation = null) =>
        new(role, TensorStorage.Parameters, shape, initialization, documentation);
}

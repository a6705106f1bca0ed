using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Flatten;

/// <summary>[Flatten]: no options.</summary>
internal sealed record FlattenOptions : LayerOptions;

/// <summary>Views any shape as a vector of the same floats: no copy, no code, no parameters.</summary>
internal sealed class FlattenLayer : ViewLayerDescriptor
{
    private FlattenLayer()
        : base(LayerKind.Flatten)
    {
    }

    public static FlattenLayer Instance { get; } = new();

    public override LayerOptions Read(LayerArguments arguments) => new FlattenOptions();

    public override LayerPlan Plan(LayerPlanning planning) =>
        LayerPlan.View(planning.Input, planning.Input.IsKnown ? Shape.Vector(planning.Input.Size) : Shape.None, planning.Layer.Options);

    public override (string Type, string Arguments) Info(PlannedLayer layer) => ("ViewLayerInfo", LayerInfoEmitter.Kind(Kind));

    public override string Details(PlannedLayer layer) => string.Empty;
}

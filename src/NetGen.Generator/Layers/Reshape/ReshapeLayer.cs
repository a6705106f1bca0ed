using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Reshape;

/// <summary>[Reshape(...)]: the new dimensions, as [Input] declares them (a vector, a matrix, or channels × height × width).</summary>
internal sealed record ReshapeOptions(EquatableArray<int> Dimensions) : LayerOptions;

/// <summary>Views the floats of the layer below under new dimensions of the same element count: no copy, no code, no parameters.</summary>
internal sealed class ReshapeLayer : ViewLayerDescriptor
{
    private ReshapeLayer()
        : base(LayerKind.Reshape)
    {
    }

    public static ReshapeLayer Instance { get; } = new();

    public override LayerOptions Read(LayerArguments arguments) => new ReshapeOptions(arguments.Sizes());

    public override LayerPlan Plan(LayerPlanning planning)
    {
        var dimensions = ((ReshapeOptions)planning.Layer.Options).Dimensions.Select(dimension => System.Math.Max(dimension, 1)).ToEquatableArray();
        var output = Shape.Declared(dimensions);
        var input = planning.Input;
        if (input.IsKnown && output.Size != input.Size)
        {
            planning.Report(DiagnosticDescriptors.ReshapeChangesSize, planning.Layer.Name, planning.PreviousName, input, Plural.Of(input.Size, "float"), output, Plural.Of(output.Size, "float"));
        }

        return LayerPlan.View(input, output, planning.Layer.Options);
    }

    public override (string Type, string Arguments) Info(PlannedLayer layer) => ("ViewLayerInfo", LayerInfoEmitter.Kind(Kind));

    public override string Details(PlannedLayer layer) => string.Empty;
}

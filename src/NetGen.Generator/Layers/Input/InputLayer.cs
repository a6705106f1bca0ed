using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Input;

/// <summary>[Input(...)]: the declared dimensions of one sample.</summary>
internal sealed record InputOptions(EquatableArray<int> Dimensions) : LayerOptions;

/// <summary>The network's input: not a layer that computes, only the shape the first layer receives.</summary>
internal sealed class InputLayer : LayerDescriptor
{
    private InputLayer()
        : base(LayerKind.Input)
    {
    }

    public static InputLayer Instance { get; } = new();

    public override string DefaultName(int ordinal) => "Input";

    public override LayerOptions Read(LayerArguments arguments) => new InputOptions(arguments.Sizes());

    /// <summary>The shape of one sample, each dimension at least 1 (smaller ones are reported when read).</summary>
    public static Shape ShapeOf(LayerModel input) =>
        Shape.Declared(((InputOptions)input.Options).Dimensions.Select(dimension => System.Math.Max(dimension, 1)).ToEquatableArray());
}

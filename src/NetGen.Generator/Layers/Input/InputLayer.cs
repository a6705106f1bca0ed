using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Input;

/// <summary>[Input(...)]: the declared dimensions of one sample, and whether two of them are a sequence (steps × features).</summary>
internal sealed record InputOptions(EquatableArray<int> Dimensions, bool IsSequence) : LayerOptions;

/// <summary>The network's input: not a layer that computes, only the shape the first layer receives.</summary>
internal sealed class InputLayer : LayerDescriptor
{
    private InputLayer()
        : base(LayerKind.Input)
    {
    }

    public static InputLayer Instance { get; } = new();

    public override string DefaultName(int ordinal) => "Input";

    /// <summary>The sizes, and Sequence = true, which only a two-dimensional input takes (NG0035 otherwise; the input is then read as declared without it).</summary>
    public override LayerOptions Read(LayerArguments arguments)
    {
        var sizes = arguments.Sizes();
        var isSequence = arguments.Bool("Sequence", defaultValue: false);
        if (isSequence && sizes.Count is not 2 && !arguments.HasCompilerErrors)
        {
            arguments.Report(DiagnosticDescriptors.SequenceNeedsTwoSizes, arguments.Location, sizes.Count, sizes.Count == 1 ? string.Empty : "s");
            isSequence = false;
        }

        return new InputOptions(sizes, isSequence);
    }

    /// <summary>The shape of one sample, each dimension at least 1 (smaller ones are reported when read).</summary>
    public static Shape ShapeOf(LayerModel input)
    {
        var options = (InputOptions)input.Options;
        var dimensions = options.Dimensions.Select(dimension => System.Math.Max(dimension, 1)).ToEquatableArray();
        return options.IsSequence ? Shape.Sequence(dimensions[0], dimensions[1]) : Shape.Declared(dimensions);
    }
}

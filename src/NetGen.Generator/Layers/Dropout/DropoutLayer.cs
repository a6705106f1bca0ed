using System.Globalization;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Dropout;

/// <summary>[Dropout(rate)]: the probability of dropping a value in a training step.</summary>
internal sealed record DropoutOptions(double Rate) : LayerOptions
{
    /// <summary>What kept values are multiplied by in training, 1 / (1 − rate), so that inference needs no rescaling.</summary>
    public double Scale => DropMask.Scale(Rate);
}

/// <summary>
/// Inverted dropout on any shape: reading and planning. In a training step value i is dropped when the network's random
/// stream for this layer draws below the rate for element i at that step (Philox, the same on the CPU and in CUDA), so
/// the backward pass draws the same mask again instead of keeping it. The passes are in DropoutLayer.CSharp.cs and DropoutLayer.Cuda.cs.
/// </summary>
internal sealed partial class DropoutLayer : ComputeLayerDescriptor
{
    private DropoutLayer()
        : base(LayerKind.Dropout)
    {
    }

    public static DropoutLayer Instance { get; } = new();

    public override LayerOptions Read(LayerArguments arguments)
    {
        var (rate, location) = arguments.PositionalDouble(0);
        return new DropoutOptions(DropProbability.Checked(arguments, rate, location, "rate ", "value"));
    }

    public override LayerPlan Plan(LayerPlanning planning) =>
        new(planning.Input, planning.Input, planning.Layer.Options, [], LayerBuffers.Standard(planning.Input.Size, ActivationChoice.Identity));

    public override (string Type, string Arguments) Info(PlannedLayer layer) => ("DropoutLayerInfo", Literals.Float(Options(layer).Rate));

    public override string Details(PlannedLayer layer) => ", rate " + Options(layer).Rate.ToString("R", CultureInfo.InvariantCulture);

    private static DropoutOptions Options(PlannedLayer layer) => (DropoutOptions)layer.Options;
}

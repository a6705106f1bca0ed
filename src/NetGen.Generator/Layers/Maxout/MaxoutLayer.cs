using System.Collections.Generic;
using System.Globalization;
using NetGen.Generator.Activations;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Maxout;

/// <summary>[Maxout(units, pieces)]: yⱼ = maxₖ zⱼ·pieces+ₖ with z = W·x + b, W shaped [units × pieces, inputs].</summary>
internal sealed record MaxoutOptions(int Units, int Pieces, InitializerKind Initializer, bool HasBias) : LayerOptions
{
    /// <summary>Rows of W and values of z per sample: units × pieces, row unit·pieces + piece (saturating, as shapes do).</summary>
    public int Rows => Shape.Product(new EquatableArray<int>(new[] { Units, Pieces }));
}

/// <summary>
/// A maxout layer (Goodfellow et al., 2013) on a vector: reading and planning. Its forward pass is a dense product into
/// the linear pieces z ("pieces", units × pieces per sample) and each unit's maximum over its pieces, keeping the winning
/// piece ("argmax", the first on ties); its backward pass routes δ to that piece ("pieces_delta", zero elsewhere) and then
/// runs the dense backward on the pieces. The passes are in MaxoutLayer.CSharp.cs and MaxoutLayer.Cuda.cs.
/// </summary>
internal sealed partial class MaxoutLayer : ComputeLayerDescriptor
{
    private const string Pieces = "pieces";
    private const string ArgMax = "argmax";
    private const string PiecesDelta = "pieces_delta";

    private MaxoutLayer()
        : base(LayerKind.Maxout)
    {
    }

    public static MaxoutLayer Instance { get; } = new();

    public override LayerOptions Read(LayerArguments arguments)
    {
        var initializer = arguments.Enum("Initializer", InitializerKind.Default);
        var hasBias = arguments.Bool("Bias", defaultValue: true);
        var units = arguments.PositionalInt(0, minimum: 1) ?? 1;
        var pieces = arguments.PositionalInt(1, minimum: 2) ?? 2;
        return new MaxoutOptions(System.Math.Max(units, 1), System.Math.Max(pieces, 2), initializer, hasBias);
    }

    /// <summary>The weights start as those of a linear dense layer of units × pieces outputs would (Xavier uniform by default).</summary>
    public override LayerPlan Plan(LayerPlanning planning)
    {
        var options = (MaxoutOptions)planning.Layer.Options;
        var input = planning.Input;
        VectorInput.Check(planning);

        var rows = options.Rows;
        if (rows == int.MaxValue)
        {
            planning.Report(DiagnosticDescriptors.NetworkTooLarge, planning.Network.ClassName, "activations per sample", planning.Layer.Name);
        }

        var initializer = ActivationResolution.Initializer(options.Initializer, ActivationChoice.Identity);
        var tensors = new List<TensorDeclaration>
        {
            TensorDeclaration.Parameter(TensorRoles.Weight, new EquatableArray<int>(new[] { rows, input.Size }),
                TensorInitialization.Random(initializer, fanIn: input.Size, fanOut: rows), "Weights shaped [units × pieces, inputs]: row unit·pieces + piece."),
        };
        if (options.HasBias)
        {
            tensors.Add(TensorDeclaration.Parameter(TensorRoles.Bias, new EquatableArray<int>(new[] { rows }), TensorInitialization.Filled(0),
                "One bias per piece, in the weights' row order."));
        }

        var buffers = LayerBuffers.Standard(options.Units, ActivationChoice.Identity);
        buffers.Add(new PlannedBuffer(Pieces, BufferElement.Float, rows));
        buffers.Add(new PlannedBuffer(ArgMax, BufferElement.Int, options.Units));
        buffers.Add(new PlannedBuffer(PiecesDelta, BufferElement.Float, rows));
        return new LayerPlan(input, Shape.Vector(options.Units), options with { Initializer = initializer }, tensors, buffers);
    }

    public override (string Type, string Arguments) Info(PlannedLayer layer) =>
        ("MaxoutLayerInfo", LayerInfoEmitter.Tensor(layer, TensorRoles.Weight) + ", " + LayerInfoEmitter.Tensor(layer, TensorRoles.Bias) + ", " +
                            Literals.Int(Options(layer).Pieces));

    public override string Details(PlannedLayer layer) => ", " + Options(layer).Pieces.ToString(CultureInfo.InvariantCulture) + " pieces";

    private static MaxoutOptions Options(PlannedLayer layer) => (MaxoutOptions)layer.Options;
}

using System.Collections.Generic;
using NetGen.Generator.Activations;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Recurrent;

/// <summary>
/// [SimpleRnn(units)], [Lstm(units)], [Gru(units)]: <see cref="Bptt"/> is 0 for full backpropagation through time;
/// <see cref="Activation"/> is the Elman cell's f (LSTM and GRU have their fixed nonlinearities).
/// </summary>
internal sealed record RecurrentOptions(int Units, bool ReturnSequences, int Bptt, InitializerKind Initializer, bool HasBias, ActivationChoice Activation) : LayerOptions;

/// <summary>
/// A recurrent layer over a sequence (steps T × features F) with a hidden state of H units and G gates (Elman 1, LSTM 4,
/// GRU 3): reading and planning. Its tensors are PyTorch's: W_ih [G·H, F], W_hh [G·H, H], b_ih and b_hh [G·H], gate blocks in
/// PyTorch's order. Besides a and δ it owns the buffers the runtime's RecurrentKernels and its CUDA kernels work in
/// (see <see cref="RecurrentBuffers"/>). The passes are in RecurrentLayer.CSharp.cs and RecurrentLayer.Cuda.cs.
/// </summary>
internal sealed partial class RecurrentLayer : ComputeLayerDescriptor
{
    private RecurrentLayer(LayerKind kind, int gates)
        : base(kind)
    {
        Gates = gates;
    }

    public static RecurrentLayer SimpleRnn { get; } = new(LayerKind.SimpleRnn, gates: 1);

    public static RecurrentLayer Lstm { get; } = new(LayerKind.Lstm, gates: 4);

    public static RecurrentLayer Gru { get; } = new(LayerKind.Gru, gates: 3);

    /// <summary>G: the gate blocks of the weight matrices.</summary>
    public int Gates { get; }

    public override LayerOptions Read(LayerArguments arguments)
    {
        var activation = Kind == LayerKind.SimpleRnn
            ? new ActivationChoice(arguments.Enum("Activation", ActivationKind.Tanh), arguments.Double("Alpha"))
            : ActivationChoice.Identity;
        return new RecurrentOptions(
            arguments.Size(),
            arguments.Bool("ReturnSequences", defaultValue: false),
            arguments.Int("Bptt", minimum: 0) ?? 0,
            arguments.Enum("Initializer", InitializerKind.Default),
            arguments.Bool("Bias", defaultValue: true),
            activation);
    }

    public override LayerPlan Plan(LayerPlanning planning)
    {
        var options = (RecurrentOptions)planning.Layer.Options;
        var input = planning.Input;
        var isSequence = input.Kind == ShapeKind.Sequence;
        if (!isSequence && input.IsKnown)
        {
            planning.Report(DiagnosticDescriptors.RecurrentNeedsSequence, planning.Layer.Kind, planning.Layer.Name, planning.PreviousName, input);
        }

        // Past NG0032 the layer is planned as one step over the whole input, so its tensors still have sizes.
        int steps = isSequence ? input.Steps : 1, features = isSequence ? input.Features : System.Math.Max(input.Size, 1), units = options.Units;
        if (isSequence && options.Bptt >= steps)
        {
            planning.Report(DiagnosticDescriptors.TruncationBeyondSequence, planning.Layer.Kind, planning.Layer.Name, Plural.Of(options.Bptt, "step"), steps);
        }

        var activation = ResolveActivation(planning, options.Activation);
        options = options with { Activation = activation };
        var output = !isSequence ? Shape.None : options.ReturnSequences ? Shape.Sequence(steps, units) : Shape.Vector(units);
        var buffers = LayerBuffers.Standard(options.ReturnSequences ? Size(steps, units) : units, ActivationChoice.Identity);
        buffers.AddRange(RecurrentBuffers.For(Kind, steps, Gates, units));
        return new LayerPlan(input, output, options, Tensors(options, features), buffers);
    }

    /// <summary>The Elman cell's f; a recurrent layer has no activation of its own, so nothing below it fuses a derivative.</summary>
    public override ActivationChoice? SummaryActivation(PlannedLayer layer) => Kind == LayerKind.SimpleRnn ? Options(layer).Activation : null;

    public override (string Type, string Arguments) Info(PlannedLayer layer)
    {
        var options = Options(layer);
        return ("RecurrentLayerInfo", LayerInfoEmitter.Kind(Kind) + ", " + LayerInfoEmitter.Activation(layer, options.Activation) + ", " +
                                      Literals.Int(options.Units) + ", " + (options.ReturnSequences ? "true" : "false") + ", " + Literals.Int(options.Bptt) + ", " +
                                      LayerInfoEmitter.Tensor(layer, TensorRoles.InputWeight) + ", " + LayerInfoEmitter.Tensor(layer, TensorRoles.RecurrentWeight) + ", " +
                                      LayerInfoEmitter.Tensor(layer, TensorRoles.InputBias) + ", " + LayerInfoEmitter.Tensor(layer, TensorRoles.RecurrentBias));
    }

    public override string Details(PlannedLayer layer)
    {
        var options = Options(layer);
        return (Kind == LayerKind.SimpleRnn ? ", " + options.Activation.Kind : string.Empty) +
               (options.ReturnSequences ? ", every step" : ", last step") +
               (options.Bptt > 0 ? ", truncated to " + Literals.Int(options.Bptt) + " steps" : string.Empty);
    }

    /// <summary>The Elman cell's f: element-wise activations only (its derivative is taken from z and f(z) at each step).</summary>
    private static ActivationChoice ResolveActivation(LayerPlanning planning, ActivationChoice choice)
    {
        if (ActivationCatalog.For(choice.Kind).Form is not (ActivationForm.Elementwise or ActivationForm.Identity))
        {
            planning.Report(DiagnosticDescriptors.ActivationNotSupported, planning.Layer.Kind, planning.Layer.Name, choice.Kind,
                "a recurrent cell takes an element-wise activation");
            choice = new ActivationChoice(ActivationKind.Tanh, null);
        }

        return ActivationResolution.Resolve(planning, choice);
    }

    /// <summary>
    /// W_ih, W_hh, b_ih and b_hh. By default every one uniform in ±1/√H, PyTorch's rule, written as He-uniform, whose bound √(6 / fan-in)
    /// is 1/√H at a fan-in of 6H; a declared initializer draws the weights with their real fan-in and starts the biases at zero.
    /// </summary>
    private List<TensorDeclaration> Tensors(RecurrentOptions options, int features)
    {
        int units = options.Units, rows = Size(Gates, units);
        var pyTorchRule = options.Initializer == InitializerKind.Default;
        TensorInitialization Weight(int fanIn) => pyTorchRule
            ? TensorInitialization.Random(InitializerKind.HeUniform, fanIn: Size(6, units), fanOut: rows)
            : TensorInitialization.Random(options.Initializer, fanIn, fanOut: rows);
        var bias = pyTorchRule ? Weight(units) : TensorInitialization.Filled(0);
        var gateOrder = Kind switch
        {
            LayerKind.Lstm => " Gate blocks i, f, g, o.",
            LayerKind.Gru => " Gate blocks r, z, n.",
            _ => string.Empty,
        };
        var tensors = new List<TensorDeclaration>
        {
            TensorDeclaration.Parameter(TensorRoles.InputWeight, new EquatableArray<int>(new[] { rows, features }), Weight(features),
                "W_ih shaped [gates × units, features] (PyTorch's weight_ih_l0)." + gateOrder),
            TensorDeclaration.Parameter(TensorRoles.RecurrentWeight, new EquatableArray<int>(new[] { rows, units }), Weight(units),
                "W_hh shaped [gates × units, units] (PyTorch's weight_hh_l0)." + gateOrder),
        };
        if (options.HasBias)
        {
            tensors.Add(TensorDeclaration.Parameter(TensorRoles.InputBias, new EquatableArray<int>(new[] { rows }), bias, "b_ih (PyTorch's bias_ih_l0)."));
            tensors.Add(TensorDeclaration.Parameter(TensorRoles.RecurrentBias, new EquatableArray<int>(new[] { rows }), bias, "b_hh (PyTorch's bias_hh_l0)."));
        }

        return tensors;
    }

    private static int Size(params int[] factors) => Shape.Product(new EquatableArray<int>(factors));

    private static RecurrentOptions Options(PlannedLayer layer) => (RecurrentOptions)layer.Options;
}

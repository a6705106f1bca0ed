using System.Globalization;
using NetGen.Generator.Activations;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Dense;

/// <summary>
/// [Dense(units)]: y = f(W·x + b) on a vector, W shaped [units, inputs]; in training, with DropConnect, y = f((M ∘ W)·x / (1 − p) + b).
/// With PerStep, the same on every step of a sequence (planning keeps PerStep only where the input is a sequence).
/// </summary>
internal sealed record DenseOptions(int Units, ActivationChoice Activation, InitializerKind Initializer, bool HasBias, double DropConnect, bool PerStep) : LayerOptions
{
    /// <summary>Whether a training step masks the weights (DropConnect above 0).</summary>
    public bool DropsConnections => DropConnect > 0;
}

/// <summary>A fully connected layer: reading and planning. Its passes are in DenseLayer.CSharp.cs and DenseLayer.Cuda.cs.</summary>
internal sealed partial class DenseLayer : ComputeLayerDescriptor
{
    private DenseLayer()
        : base(LayerKind.Dense)
    {
    }

    public static DenseLayer Instance { get; } = new();

    public override LayerOptions Read(LayerArguments arguments)
    {
        var activation = arguments.Activation();
        var initializer = arguments.Enum("Initializer", InitializerKind.Default);
        var hasBias = arguments.Bool("Bias", defaultValue: true);
        var (dropConnect, location) = arguments.NamedDouble("DropConnect");
        var perStep = arguments.Bool("PerStep", defaultValue: false);
        return new DenseOptions(arguments.Size(), activation, initializer, hasBias, DropProbability.Checked(arguments, dropConnect, location, "DropConnect = ", "weight"), perStep);
    }

    public override LayerPlan Plan(LayerPlanning planning)
    {
        var options = (DenseOptions)planning.Layer.Options;
        var input = planning.Input;
        var perStep = options.PerStep && input.Kind == ShapeKind.Sequence;
        if (options.PerStep && input.Kind == ShapeKind.Vector && input.IsKnown)
        {
            planning.Report(DiagnosticDescriptors.PerStepWithoutSequence, planning.Layer.Name, planning.PreviousName, input);
        }
        else if (!perStep)
        {
            VectorInput.Check(planning, canApplyPerStep: true);
        }

        var units = options.Units;
        var inputs = perStep ? input.Features : input.Size;
        if (perStep && ActivationCatalog.For(options.Activation.Kind).Form is ActivationForm.RowWise or ActivationForm.Learned)
        {
            planning.Report(DiagnosticDescriptors.ActivationNotSupported, planning.Layer.Kind, planning.Layer.Name, options.Activation.Kind,
                "a per-step dense layer takes element-wise activations only");
            options = options with { Activation = ActivationChoice.Identity };
        }

        var activation = ActivationResolution.Resolve(planning, options.Activation);
        var initializer = ActivationResolution.Initializer(options.Initializer, activation);
        var tensors = new System.Collections.Generic.List<TensorDeclaration>
        {
            TensorDeclaration.Parameter(TensorRoles.Weight, new EquatableArray<int>(new[] { units, inputs }),
                TensorInitialization.Random(initializer, fanIn: inputs, fanOut: units), "Weights shaped [outputs, inputs]."),
        };
        if (options.HasBias)
        {
            tensors.Add(TensorDeclaration.Parameter(TensorRoles.Bias, new EquatableArray<int>(new[] { units }), TensorInitialization.Filled(0)));
        }

        if (ActivationCatalog.For(activation.Kind).Form == ActivationForm.Learned)
        {
            tensors.Add(TensorDeclaration.Parameter(TensorRoles.Alpha, new EquatableArray<int>(new[] { units }), TensorInitialization.Filled(activation.AlphaOrZero),
                "PReLU's learned slope for z ≤ 0, one per unit."));
        }

        var output = perStep ? Shape.Sequence(input.Steps, units) : Shape.Vector(units);
        var buffers = LayerBuffers.Standard(output.Size, activation);
        if (options.DropsConnections)
        {
            buffers.Add(DropConnect.Buffer(Shape.Product(tensors[0].Shape)));
        }

        return new LayerPlan(input, output, options with { Activation = activation, Initializer = initializer, PerStep = perStep }, tensors, buffers);
    }

    public override ActivationChoice? ActivationOf(PlannedLayer layer) => Options(layer).Activation;

    public override (string Type, string Arguments) Info(PlannedLayer layer) =>
        ("DenseLayerInfo", LayerInfoEmitter.Activation(layer, Options(layer).Activation) + ", " + LayerInfoEmitter.Tensor(layer, TensorRoles.Weight) + ", " +
                           LayerInfoEmitter.Tensor(layer, TensorRoles.Bias) + ", " + Literals.Float(Options(layer).DropConnect));

    public override string Details(PlannedLayer layer) =>
        ", " + Options(layer).Activation.Kind + (Options(layer).PerStep ? ", at every step" : string.Empty) +
        (Options(layer).DropsConnections ? ", DropConnect " + Options(layer).DropConnect.ToString("R", CultureInfo.InvariantCulture) : string.Empty);

    private static DenseOptions Options(PlannedLayer layer) => (DenseOptions)layer.Options;

    /// <summary>Rows of the layer's products per sample: the steps of a per-step layer, otherwise 1.</summary>
    private static int RowsPerSample(PlannedLayer layer) => Options(layer).PerStep ? layer.InputShape.Steps : 1;

    /// <summary>Inputs of each row: the features of a step, or the whole sample.</summary>
    private static int Inputs(PlannedLayer layer) => Options(layer).PerStep ? layer.InputShape.Features : layer.InputSize;

    /// <summary>Outputs of each row.</summary>
    private static int Units(PlannedLayer layer) => Options(layer).Units;
}

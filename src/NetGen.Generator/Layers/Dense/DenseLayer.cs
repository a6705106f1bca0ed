using System.Globalization;
using NetGen.Generator.Activations;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Dense;

/// <summary>[Dense(units)]: y = f(W·x + b) on a vector, W shaped [units, inputs]; in training, with DropConnect, y = f((M ∘ W)·x / (1 − p) + b).</summary>
internal sealed record DenseOptions(int Units, ActivationChoice Activation, InitializerKind Initializer, bool HasBias, double DropConnect) : LayerOptions
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
        return new DenseOptions(arguments.Size(), activation, initializer, hasBias, DropProbability.Checked(arguments, dropConnect, location, "DropConnect = ", "weight"));
    }

    public override LayerPlan Plan(LayerPlanning planning)
    {
        var options = (DenseOptions)planning.Layer.Options;
        var input = planning.Input;
        if (input.Kind != ShapeKind.Vector)
        {
            planning.Report(DiagnosticDescriptors.LayerNeedsVector, planning.Layer.Kind, planning.Layer.Name, planning.PreviousName, input);
        }

        var units = options.Units;
        var activation = ActivationResolution.Resolve(planning, options.Activation);
        var initializer = ActivationResolution.Initializer(options.Initializer, activation);
        var tensors = new System.Collections.Generic.List<TensorDeclaration>
        {
            TensorDeclaration.Parameter(TensorRoles.Weight, new EquatableArray<int>(new[] { units, input.Size }),
                TensorInitialization.Random(initializer, fanIn: input.Size, fanOut: units), "Weights shaped [outputs, inputs]."),
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

        var buffers = LayerBuffers.Standard(units, activation);
        if (options.DropsConnections)
        {
            buffers.Add(DropConnect.Buffer(Shape.Product(tensors[0].Shape)));
        }

        return new LayerPlan(input, Shape.Vector(units), options with { Activation = activation, Initializer = initializer }, tensors, buffers);
    }

    public override ActivationChoice? ActivationOf(PlannedLayer layer) => Options(layer).Activation;

    public override (string Type, string Arguments) Info(PlannedLayer layer) =>
        ("DenseLayerInfo", LayerInfoEmitter.Activation(layer, Options(layer).Activation) + ", " + LayerInfoEmitter.Tensor(layer, TensorRoles.Weight) + ", " +
                           LayerInfoEmitter.Tensor(layer, TensorRoles.Bias) + ", " + Literals.Float(Options(layer).DropConnect));

    public override string Details(PlannedLayer layer) =>
        ", " + Options(layer).Activation.Kind +
        (Options(layer).DropsConnections ? ", DropConnect " + Options(layer).DropConnect.ToString("R", CultureInfo.InvariantCulture) : string.Empty);

    private static DenseOptions Options(PlannedLayer layer) => (DenseOptions)layer.Options;
}

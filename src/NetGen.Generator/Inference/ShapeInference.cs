using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Activations;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Layers;
using NetGen.Generator.Layers.Input;
using NetGen.Generator.Losses;
using NetGen.Generator.Model;

namespace NetGen.Generator.Inference;

/// <summary>
/// Plans the layers top to bottom, each through its kind's descriptor, places their tensors in the network's parameter
/// and state buffers, and checks that input, names, layers and loss fit together.
/// </summary>
internal static class ShapeInference
{
    public static NetworkPlan Infer(NetworkModel network)
    {
        var diagnostics = new List<DiagnosticInfo>(network.Diagnostics);
        var plan = Infer(network, diagnostics);

        // After a compiler error in the declaration, what inference says about the layers it could
        // not read would only repeat that error in other words.
        return network.HasCompilerErrors ? plan with { Diagnostics = network.Diagnostics } : plan;
    }

    private static NetworkPlan Infer(NetworkModel network, List<DiagnosticInfo> diagnostics)
    {
        var inputs = network.Layers.Where(layer => layer.Kind == LayerKind.Input).ToList();
        CheckInputs(network, inputs, diagnostics);
        CheckNames(network, diagnostics);

        var input = inputs.FirstOrDefault();
        var inputShape = input is null ? Shape.None : InputLayer.ShapeOf(input);
        var buffers = new TensorPlacement(network, diagnostics);
        var planned = new List<PlannedLayer>();

        // A shape after an error is a guess: it travels on as Shape.None, which later layers report nothing about.
        var shape = input is { HasSizeOutOfRange: true } ? Shape.None : inputShape;
        var previousName = input?.Name ?? "Input";
        var previousKind = LayerKind.Input;
        PlannedLayer? output = null;
        var outputShapeIsKnown = false;
        foreach (var layer in network.Layers.Where(layer => layer.Kind != LayerKind.Input))
        {
            var descriptor = (PlannedLayerDescriptor)LayerCatalog.For(layer.Kind);
            var plan = descriptor.Plan(new LayerPlanning(network, layer, shape, previousName, previousKind, diagnostics));
            var plannedLayer = new PlannedLayer(layer, plan.Input, plan.Output, plan.Options, buffers.Place(layer, plan), plan.Buffers.ToEquatableArray());
            planned.Add(plannedLayer);
            shape = layer.HasSizeOutOfRange ? Shape.None : plannedLayer.OutputShape;
            previousName = layer.Name;
            previousKind = layer.Kind;
            if (descriptor is ComputeLayerDescriptor)
            {
                output = plannedLayer;
                outputShapeIsKnown = shape.IsKnown;
            }
        }

        if (!planned.Any(layer => layer.ParameterCount > 0))
        {
            if (input is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, network.Location, network.ClassName));
            }
        }
        else if (output is not null && outputShapeIsKnown)
        {
            CheckLoss(network, output, diagnostics);
        }

        return new NetworkPlan(
            network,
            inputShape,
            planned.LastOrDefault()?.OutputSize ?? 0,
            buffers.ParameterCount,
            buffers.StateCount,
            AccuracyOf(network, output),
            planned.ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    private static void CheckInputs(NetworkModel network, List<LayerModel> inputs, List<DiagnosticInfo> diagnostics)
    {
        if (inputs.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingInput, network.Location, network.ClassName));

            return;
        }

        if (network.Layers[0].Kind != LayerKind.Input)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MisplacedInput, inputs[0].Location, network.ClassName,
                "after layer '" + network.Layers[0].Name + "'"));
        }

        foreach (var extra in inputs.Skip(1))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MisplacedInput, extra.Location, network.ClassName, "more than once"));
        }
    }

    private static void CheckNames(NetworkModel network, List<DiagnosticInfo> diagnostics)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var layer in network.Layers)
        {
            if (!seen.Add(layer.Name) && layer.Kind != LayerKind.Input)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateLayerName, layer.Location, layer.Name, network.ClassName));
            }
        }
    }

    private static void CheckLoss(NetworkModel network, PlannedLayer output, List<DiagnosticInfo> diagnostics)
    {
        var activation = OutputActivation(output);
        if (output.OutputShape.Kind == ShapeKind.Sequence && network.Loss is LossKind.SoftmaxCrossEntropy or LossKind.Perceptron)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LossDoesNotFitOutput, output.Layer.Location,
                network.Loss, output.Name, activation + ", the sequence " + output.OutputShape,
                "it scores one class per sample, so end the network with a vector: ReturnSequences = false, or [Flatten] and a dense layer"));
        }
        else if (LossCatalog.For(network.Loss).OutputProblem(activation, output.OutputSize) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LossDoesNotFitOutput, output.Layer.Location,
                network.Loss, output.Name, activation + ", " + Outputs(output.OutputShape), problem));
        }
        else if (ActivationCatalog.For(activation).Form == ActivationForm.Noisy)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoisyOutput, output.Layer.Location, output.Layer.Kind, output.Name, activation));
        }
    }

    /// <summary>"1 output", "10 outputs", "2×2 outputs".</summary>
    private static string Outputs(Shape shape) =>
        shape.Dimensions.Count == 1 ? Plural.Of(shape.Size, "output") : shape + " outputs";

    /// <summary>How predictions are scored; a sequence output (one value per step) is not scored.</summary>
    private static AccuracyKind AccuracyOf(NetworkModel network, PlannedLayer? output) =>
        output is null || output.OutputShape.Kind == ShapeKind.Sequence ? AccuracyKind.None : LossCatalog.For(network.Loss).Accuracy(OutputActivation(output), output.OutputSize);

    private static ActivationKind OutputActivation(PlannedLayer output) =>
        LayerCatalog.For(output).ActivationOf(output)?.Kind ?? ActivationKind.Identity;
}

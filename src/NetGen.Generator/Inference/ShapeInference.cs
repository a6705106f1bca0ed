using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Inference;

/// <summary>Infers every layer's shapes and parameter slices, and checks that layers and loss fit together.</summary>
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
        var planned = new List<PlannedLayer>();
        var inputs = network.Layers.Where(layer => layer.Kind == LayerKind.Input).ToList();
        CheckInputs(network, inputs, diagnostics);
        CheckNames(network, diagnostics);

        var input = inputs.FirstOrDefault();
        var inputShape = input is null ? EquatableArray<int>.Empty : Clamp(input.Size);
        var planner = new LayerPlanner(network, diagnostics);
        var shape = inputShape;
        var previousName = input?.Name ?? "Input";

        foreach (var layer in network.Layers.Where(layer => layer.Kind != LayerKind.Input))
        {
            var plannedLayer = planner.Plan(layer, shape, previousName);
            planned.Add(plannedLayer);
            shape = plannedLayer.OutputShape;
            previousName = layer.Name;
        }

        var output = planned.LastOrDefault(layer => layer.Kind != LayerKind.Flatten);
        if (!planned.Any(layer => layer.ParameterCount > 0))
        {
            if (input is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, network.Location, network.ClassName));
            }
        }
        else if (output is not null)
        {
            CheckLoss(network, output, diagnostics);
        }

        return new NetworkPlan(
            network,
            inputShape,
            Product(inputShape),
            planned.LastOrDefault()?.OutputSize ?? 0,
            planner.ParameterCount,
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
        var activation = output.Layer.HasActivation ? output.Layer.Activation : ActivationKind.Identity;
        var problem = network.Loss switch
        {
            LossKind.SoftmaxCrossEntropy when activation == ActivationKind.Softmax =>
                "remove Activation = Softmax; the loss applies softmax to the logits itself",
            LossKind.SoftmaxCrossEntropy when activation != ActivationKind.Identity =>
                "the output must be linear logits, so remove its activation",
            LossKind.SoftmaxCrossEntropy when output.OutputSize < 2 =>
                "it needs at least 2 classes; for one output use BinaryCrossEntropy with a sigmoid output",
            LossKind.BinaryCrossEntropy when activation != ActivationKind.Sigmoid =>
                "the output must be a probability: use Activation = Activation.Sigmoid",
            _ => null,
        };

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LossDoesNotFitOutput, output.Layer.Location,
                network.Loss, output.Name, activation + ", " + FormatShape(output.OutputShape) + " outputs", problem));
        }
    }

    private static AccuracyKind AccuracyOf(NetworkModel network, PlannedLayer? output)
    {
        if (output is null)
        {
            return AccuracyKind.None;
        }

        if (output.OutputSize > 1)
        {
            return AccuracyKind.ArgMax;
        }

        return network.Loss == LossKind.BinaryCrossEntropy ||
               (output.Layer.HasActivation && output.Layer.Activation == ActivationKind.Sigmoid)
            ? AccuracyKind.Threshold
            : AccuracyKind.None;
    }

    internal static EquatableArray<int> Shape(params int[] dimensions) => new(dimensions);

    private static EquatableArray<int> Clamp(EquatableArray<int> shape) =>
        shape.Select(dimension => System.Math.Max(dimension, 1)).ToEquatableArray();

    internal static int Product(EquatableArray<int> shape)
    {
        long product = 1;
        foreach (var dimension in shape)
        {
            product = System.Math.Min(product * dimension, int.MaxValue);
        }

        return (int)product;
    }

    internal static string FormatShape(EquatableArray<int> shape) =>
        string.Join("×", shape.Select(dimension => dimension.ToString(CultureInfo.InvariantCulture)));
}

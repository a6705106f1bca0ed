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
        var shape = inputShape;
        var previousName = input?.Name ?? "Input";
        long parameterCount = 0;

        foreach (var layer in network.Layers.Where(layer => layer.Kind != LayerKind.Input))
        {
            var plannedLayer = layer.Kind switch
            {
                LayerKind.Dense => PlanDense(network, layer, shape, previousName, ref parameterCount, diagnostics),
                _ => PlanFlatten(layer, shape),
            };
            planned.Add(plannedLayer);
            shape = plannedLayer.OutputShape;
            previousName = layer.Name;
        }

        var output = planned.LastOrDefault(layer => layer.Kind == LayerKind.Dense);
        if (output is null)
        {
            if (input is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, network.Location, network.ClassName));
            }
        }
        else
        {
            CheckLoss(network, output, diagnostics);
        }

        return new NetworkPlan(
            network,
            inputShape,
            Product(inputShape),
            planned.LastOrDefault()?.OutputSize ?? 0,
            (int)System.Math.Min(parameterCount, int.MaxValue),
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

    private static PlannedLayer PlanDense(
        NetworkModel network, LayerModel layer, EquatableArray<int> inputShape, string previousName,
        ref long parameterCount, List<DiagnosticInfo> diagnostics)
    {
        if (inputShape.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DenseNeedsVector, layer.Location,
                layer.Name, previousName, FormatShape(inputShape)));
        }

        var inputSize = Product(inputShape);
        var units = layer.Size.Count == 1 ? System.Math.Max(layer.Size[0], 1) : 1;
        long weightLength = (long)units * inputSize;
        var biasLength = layer.HasBias ? units : 0;
        var alphaLength = layer.Activation == ActivationKind.PReLU ? units : 0;

        var weightOffset = parameterCount;
        parameterCount += weightLength + biasLength + alphaLength;
        if (parameterCount > int.MaxValue)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkTooLarge, layer.Location, network.ClassName, "parameters", layer.Name));
            parameterCount = int.MaxValue;
            weightOffset = 0;
            weightLength = 0;
        }

        return new PlannedLayer(
            layer,
            inputShape,
            new EquatableArray<int>(new[] { units }),
            (int)weightOffset,
            (int)weightLength,
            layer.HasBias ? (int)(weightOffset + weightLength) : 0,
            biasLength,
            alphaLength > 0 ? (int)(weightOffset + weightLength + biasLength) : 0,
            alphaLength,
            ResolveAlpha(layer, diagnostics),
            ResolveInitializer(layer));
    }

    private static PlannedLayer PlanFlatten(LayerModel layer, EquatableArray<int> inputShape) =>
        new(layer, inputShape, new EquatableArray<int>(new[] { Product(inputShape) }), 0, 0, 0, 0, 0, 0, 0, InitializerKind.Zeros);

    private static double ResolveAlpha(LayerModel layer, List<DiagnosticInfo> diagnostics)
    {
        var defaultAlpha = layer.Activation switch
        {
            ActivationKind.LeakyReLU => 0.01,
            ActivationKind.PReLU => 0.25,
            ActivationKind.ELU => 1.0,
            _ => (double?)null,
        };

        if (layer.Alpha is not { } alpha)
        {
            return defaultAlpha ?? 0;
        }

        if (defaultAlpha is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OptionNotTaken, layer.Location,
                layer.Kind, layer.Name, "Alpha", "activation " + layer.Activation));
            return 0;
        }

        if (double.IsNaN(alpha) || double.IsInfinity(alpha) || System.Math.Abs(alpha) > float.MaxValue)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidAlpha, layer.Location,
                layer.Kind, layer.Name, alpha.ToString("R", CultureInfo.InvariantCulture), "it must be a finite number"));
            return defaultAlpha.Value;
        }

        return alpha;
    }

    private static InitializerKind ResolveInitializer(LayerModel layer) =>
        layer.Initializer != InitializerKind.Default
            ? layer.Initializer
            : layer.Activation is ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.PReLU or ActivationKind.ELU
                ? InitializerKind.HeNormal
                : InitializerKind.XavierUniform;

    private static void CheckLoss(NetworkModel network, PlannedLayer output, List<DiagnosticInfo> diagnostics)
    {
        var activation = output.Kind == LayerKind.Dense ? output.Layer.Activation : ActivationKind.Identity;
        var problem = network.Loss switch
        {
            LossKind.SoftmaxCrossEntropy when activation == ActivationKind.Softmax =>
                "remove Activation = Softmax; the loss applies softmax to the logits itself",
            LossKind.SoftmaxCrossEntropy when activation != ActivationKind.Identity =>
                "the output must be linear logits, so remove its activation",
            LossKind.SoftmaxCrossEntropy when output.OutputSize < 2 =>
                "it needs at least 2 classes; for one output use BinaryCrossEntropy with a sigmoid output",
            LossKind.BinaryCrossEntropy when output.Kind != LayerKind.Dense || activation != ActivationKind.Sigmoid =>
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
               (output.Kind == LayerKind.Dense && output.Layer.Activation == ActivationKind.Sigmoid)
            ? AccuracyKind.Threshold
            : AccuracyKind.None;
    }

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

using System;
using System.Collections.Generic;
using System.Globalization;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Inference;

/// <summary>Plans one layer at a time: its output shape, its slices of the parameter buffer, and the diagnostics of its shape rules.</summary>
internal sealed class LayerPlanner(NetworkModel network, List<DiagnosticInfo> diagnostics)
{
    private long _parameterCount;

    public int ParameterCount => (int)Math.Min(_parameterCount, int.MaxValue);

    public PlannedLayer Plan(LayerModel layer, EquatableArray<int> inputShape, string previousName) => layer.Kind switch
    {
        LayerKind.Dense => PlanDense(layer, inputShape, previousName),
        LayerKind.Conv2D => PlanConv(layer, inputShape, previousName),
        LayerKind.MaxPool2D or LayerKind.AvgPool2D => PlanPool(layer, inputShape, previousName),
        _ => new PlannedLayer(layer, inputShape, ShapeInference.Shape(ShapeInference.Product(inputShape)), 0, 0, 0, 0, 0, 0, 0, InitializerKind.Zeros),
    };

    private PlannedLayer PlanDense(LayerModel layer, EquatableArray<int> inputShape, string previousName)
    {
        if (inputShape.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DenseNeedsVector, layer.Location,
                layer.Name, previousName, ShapeInference.FormatShape(inputShape)));
        }

        var units = FirstSize(layer);
        var outputShape = ShapeInference.Shape(units);
        return WithParameters(layer, inputShape, outputShape, (long)units * ShapeInference.Product(inputShape), units,
            layer.Activation == ActivationKind.PReLU ? units : 0, 0, 0, 0);
    }

    private PlannedLayer PlanConv(LayerModel layer, EquatableArray<int> inputShape, string previousName)
    {
        var filters = FirstSize(layer);
        var kernel = Math.Max(layer.Kernel ?? 3, 1);
        var stride = Math.Max(layer.Stride ?? 1, 1);
        var padding = Math.Max(layer.Padding ?? 0, 0);
        if (layer.Activation is ActivationKind.Softmax or ActivationKind.PReLU)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ActivationNotSupported, layer.Location,
                layer.Kind, layer.Name, layer.Activation, "softmax and PReLU are for dense layers"));
        }

        var (channels, height, width) = ImageShape(layer, inputShape, previousName);
        var (outputHeight, outputWidth) = height == 0 ? (1, 1) : SpatialOutput(layer, inputShape, previousName, height, width, kernel, stride, padding);
        var outputShape = ShapeInference.Shape(filters, outputHeight, outputWidth);
        return WithParameters(layer, ShapeInference.Shape(channels, height, width), outputShape,
            (long)filters * channels * kernel * kernel, filters, 0, kernel, stride, padding);
    }

    private PlannedLayer PlanPool(LayerModel layer, EquatableArray<int> inputShape, string previousName)
    {
        var window = FirstSize(layer);
        var stride = Math.Max(layer.Stride ?? window, 1);
        var padding = Math.Max(layer.Padding ?? 0, 0);
        if (padding > window / 2)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PaddingTooLarge, layer.Location, layer.Kind, layer.Name, padding, window));
            padding = window / 2;
        }

        var (channels, height, width) = ImageShape(layer, inputShape, previousName);
        var (outputHeight, outputWidth) = height == 0 ? (1, 1) : SpatialOutput(layer, inputShape, previousName, height, width, window, stride, padding);
        return new PlannedLayer(layer, ShapeInference.Shape(channels, height, width), ShapeInference.Shape(channels, outputHeight, outputWidth),
            0, 0, 0, 0, 0, 0, 0, InitializerKind.Zeros, window, stride, padding);
    }

    /// <summary>Reads channels × height × width; a matrix counts as one channel. A height of 0 means "not an image" (reported).</summary>
    private (int Channels, int Height, int Width) ImageShape(LayerModel layer, EquatableArray<int> inputShape, string previousName)
    {
        switch (inputShape.Count)
        {
            case 3:
                return (inputShape[0], inputShape[1], inputShape[2]);
            case 2:
                return (1, inputShape[0], inputShape[1]);
            default:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayerNeedsImage, layer.Location,
                    layer.Kind, layer.Name, previousName, ShapeInference.FormatShape(inputShape)));
                return (1, 0, 0);
        }
    }

    private (int Height, int Width) SpatialOutput(
        LayerModel layer, EquatableArray<int> inputShape, string previousName, int height, int width, int window, int stride, int padding)
    {
        var paddedHeightLong = height + (2L * padding);
        var paddedWidthLong = width + (2L * padding);
        if (paddedHeightLong > int.MaxValue || paddedWidthLong > int.MaxValue)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkTooLarge, layer.Location, network.ClassName, "activations per sample", layer.Name));
            return (1, 1);
        }

        var paddedHeight = (int)paddedHeightLong;
        var paddedWidth = (int)paddedWidthLong;
        if (window > paddedHeight || window > paddedWidth)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WindowTooLarge, layer.Location,
                layer.Kind, layer.Name, window, padding, paddedHeight, paddedWidth, previousName, ShapeInference.FormatShape(inputShape)));
            return (1, 1);
        }

        var unusedRows = (paddedHeight - window) % stride;
        var unusedColumns = (paddedWidth - window) % stride;
        if (unusedRows > 0 || unusedColumns > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StrideDropsInput, layer.Location,
                layer.Kind, layer.Name, stride, unusedRows, unusedColumns, paddedHeight, paddedWidth));
        }

        return (((paddedHeight - window) / stride) + 1, ((paddedWidth - window) / stride) + 1);
    }

    private PlannedLayer WithParameters(
        LayerModel layer, EquatableArray<int> inputShape, EquatableArray<int> outputShape,
        long weightLength, int biasUnits, int alphaLength, int window, int stride, int padding)
    {
        var biasLength = layer.HasBias ? biasUnits : 0;
        var weightOffset = _parameterCount;
        _parameterCount += weightLength + biasLength + alphaLength;
        if (_parameterCount > int.MaxValue || ShapeInference.Product(outputShape) == int.MaxValue)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkTooLarge, layer.Location, network.ClassName,
                _parameterCount > int.MaxValue ? "parameters" : "activations per sample", layer.Name));
            _parameterCount = int.MaxValue;
            weightOffset = 0;
            weightLength = 0;
        }

        return new PlannedLayer(
            layer,
            inputShape,
            outputShape,
            (int)weightOffset,
            (int)weightLength,
            layer.HasBias ? (int)(weightOffset + weightLength) : 0,
            biasLength,
            alphaLength > 0 ? (int)(weightOffset + weightLength + biasLength) : 0,
            alphaLength,
            ResolveAlpha(layer),
            ResolveInitializer(layer),
            window,
            stride,
            padding);
    }

    private static int FirstSize(LayerModel layer) => layer.Size.Count == 1 ? Math.Max(layer.Size[0], 1) : 1;

    private double ResolveAlpha(LayerModel layer)
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

        if (double.IsNaN(alpha) || double.IsInfinity(alpha) || Math.Abs(alpha) > float.MaxValue)
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
}

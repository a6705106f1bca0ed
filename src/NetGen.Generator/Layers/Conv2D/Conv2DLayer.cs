using System;
using System.Collections.Generic;
using NetGen.Generator.Activations;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Conv2D;

/// <summary>[Conv2D(filters)]: Kernel × Kernel × channels filters moved by Stride over the input padded by Padding zeros.</summary>
internal sealed record Conv2DOptions(
    int Filters, int Kernel, int Stride, int Padding, ActivationChoice Activation, InitializerKind Initializer, bool HasBias) : LayerOptions;

/// <summary>A 2-D convolution: reading and planning. Its passes are in Conv2DLayer.CSharp.cs and Conv2DLayer.Cuda.cs.</summary>
internal sealed partial class Conv2DLayer : ComputeLayerDescriptor
{
    private Conv2DLayer()
        : base(LayerKind.Conv2D)
    {
    }

    public static Conv2DLayer Instance { get; } = new();

    public override LayerOptions Read(LayerArguments arguments)
    {
        var activation = arguments.Activation();
        var initializer = arguments.Enum("Initializer", InitializerKind.Default);
        var hasBias = arguments.Bool("Bias", defaultValue: true);
        var kernel = arguments.Int("Kernel", minimum: 1) ?? 3;
        var stride = arguments.Int("Stride", minimum: 1) ?? 1;
        var padding = arguments.Int("Padding", minimum: 0) ?? 0;
        return new Conv2DOptions(arguments.Size(), kernel, stride, padding, activation, initializer, hasBias);
    }

    public override LayerPlan Plan(LayerPlanning planning)
    {
        var options = (Conv2DOptions)planning.Layer.Options;
        options = options with { Kernel = Math.Max(options.Kernel, 1), Stride = Math.Max(options.Stride, 1), Padding = Math.Max(options.Padding, 0) };
        if (ActivationCatalog.For(options.Activation.Kind).DenseOnly)
        {
            planning.Report(DiagnosticDescriptors.ActivationNotSupported, planning.Layer.Kind, planning.Layer.Name, options.Activation.Kind,
                "softmax and PReLU are for dense layers");
        }

        var input = SpatialPlanning.ImageInput(planning);
        var output = SpatialPlanning.Output(planning, input, options.Kernel, options.Stride, options.Padding) is { } size
            ? Shape.Image(options.Filters, size.Height, size.Width)
            : Shape.None;
        var activation = ActivationResolution.Resolve(planning, options.Activation);
        var initializer = ActivationResolution.Initializer(options.Initializer, activation);
        var area = options.Kernel * options.Kernel;
        var tensors = new List<TensorDeclaration>
        {
            TensorDeclaration.Parameter(
                TensorRoles.Weight, new EquatableArray<int>(new[] { options.Filters, input.Channels, options.Kernel, options.Kernel }),
                TensorInitialization.Random(initializer, fanIn: input.Channels * area, fanOut: options.Filters * area),
                "Weights shaped [filters, channels, kernel, kernel]."),
        };
        if (options.HasBias)
        {
            tensors.Add(TensorDeclaration.Parameter(TensorRoles.Bias, new EquatableArray<int>(new[] { options.Filters }), TensorInitialization.Filled(0)));
        }

        return new LayerPlan(input, output, options with { Activation = activation, Initializer = initializer }, tensors,
            LayerBuffers.Standard(output.Size, activation));
    }

    public override ActivationChoice? ActivationOf(PlannedLayer layer) => Options(layer).Activation;

    public override (string Type, string Arguments) Info(PlannedLayer layer)
    {
        var options = Options(layer);
        return ("Conv2DLayerInfo", LayerInfoEmitter.Activation(layer, options.Activation) + ", " + LayerInfoEmitter.Tensor(layer, TensorRoles.Weight) + ", " +
                                   LayerInfoEmitter.Tensor(layer, TensorRoles.Bias) + ", " + Literals.Ints(options.Kernel, options.Stride, options.Padding));
    }

    public override string Details(PlannedLayer layer)
    {
        var options = Options(layer);
        return ", " + options.Kernel + "×" + options.Kernel + " kernel, stride " + options.Stride + ", padding " + options.Padding + ", " + options.Activation.Kind;
    }

    private static Conv2DOptions Options(PlannedLayer layer) => (Conv2DOptions)layer.Options;
}

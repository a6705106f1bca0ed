using System;
using System.Collections.Generic;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Pool2D;

/// <summary>[MaxPool2D(window)] and [AvgPool2D(window)]: Window × Window windows moved by Stride (default the window) over the input padded by Padding.</summary>
internal sealed record Pool2DOptions(int Window, int Stride, int Padding) : LayerOptions;

/// <summary>
/// Max and average pooling, per channel: reading and planning. Max pooling keeps, per output, the index of the input cell
/// that won (the "argmax" buffer), which its backward pass routes δ to. The passes are in Pool2DLayer.CSharp.cs and Pool2DLayer.Cuda.cs.
/// </summary>
internal sealed partial class Pool2DLayer : ComputeLayerDescriptor
{
    private const string ArgMax = "argmax";

    private readonly bool _max;

    private Pool2DLayer(LayerKind kind, bool max)
        : base(kind) => _max = max;

    public static Pool2DLayer Max { get; } = new(LayerKind.MaxPool2D, max: true);

    public static Pool2DLayer Average { get; } = new(LayerKind.AvgPool2D, max: false);

    public override LayerOptions Read(LayerArguments arguments)
    {
        var stride = arguments.Int("Stride", minimum: 1);
        var padding = arguments.Int("Padding", minimum: 0) ?? 0;
        var window = arguments.Size();
        return new Pool2DOptions(window, stride ?? window, padding);
    }

    public override LayerPlan Plan(LayerPlanning planning)
    {
        var options = (Pool2DOptions)planning.Layer.Options;
        options = options with { Stride = Math.Max(options.Stride, 1), Padding = Math.Max(options.Padding, 0) };
        var paddingFits = options.Padding <= options.Window / 2;
        if (!paddingFits)
        {
            planning.Report(DiagnosticDescriptors.PaddingTooLarge, planning.Layer.Kind, planning.Layer.Name, options.Padding, options.Window);
            options = options with { Padding = options.Window / 2 };
        }

        var input = SpatialPlanning.ImageInput(planning);
        var output = paddingFits && SpatialPlanning.Output(planning, input, options.Window, options.Stride, options.Padding) is { } size
            ? Shape.Image(input.Channels, size.Height, size.Width)
            : Shape.None;
        var buffers = new List<PlannedBuffer>
        {
            new(PlannedBuffer.Output, BufferElement.Float, output.Size),
            new(PlannedBuffer.Delta, BufferElement.Float, output.Size),
        };
        if (_max)
        {
            buffers.Add(new PlannedBuffer(ArgMax, BufferElement.Int, output.Size));
        }

        return new LayerPlan(input, output, options, [], buffers);
    }

    public override (string Type, string Arguments) Info(PlannedLayer layer)
    {
        var options = Options(layer);
        return ("Pool2DLayerInfo", LayerInfoEmitter.Kind(Kind) + ", " + Literals.Ints(options.Window, options.Stride, options.Padding));
    }

    public override string Details(PlannedLayer layer)
    {
        var options = Options(layer);
        return ", " + options.Window + "×" + options.Window + " window, stride " + options.Stride + ", padding " + options.Padding;
    }

    private static Pool2DOptions Options(PlannedLayer layer) => (Pool2DOptions)layer.Options;
}

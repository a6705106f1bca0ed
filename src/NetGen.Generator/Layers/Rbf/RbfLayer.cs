using System.Collections.Generic;
using System.Globalization;
using NetGen.Generator.Activations;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emit;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers.Rbf;

/// <summary>[Rbf(units)]: φⱼ = exp(−‖x − cⱼ‖² / (2σⱼ²)) with σⱼ = exp(sⱼ), the centres C [units, inputs] and log-widths s [units] learned.</summary>
internal sealed record RbfOptions(int Units, double Width) : LayerOptions;

/// <summary>
/// A radial-basis-function layer on a vector: reading and planning. Its forward pass keeps the squared distances
/// ("distance", units per sample) beside φ; its backward pass scales δ by ∂φ/∂(−d²·γ) into "kernel_delta"
/// (eᵢⱼ = δᵢⱼ·2γⱼ·φᵢⱼ with γⱼ = 1/(2σⱼ²) = exp(−2sⱼ)/2), from which every gradient follows. The passes are in
/// RbfLayer.CSharp.cs and RbfLayer.Cuda.cs.
/// </summary>
internal sealed partial class RbfLayer : ComputeLayerDescriptor
{
    private const string Distance = "distance";
    private const string KernelDelta = "kernel_delta";

    private RbfLayer()
        : base(LayerKind.Rbf)
    {
    }

    public static RbfLayer Instance { get; } = new();

    public override LayerOptions Read(LayerArguments arguments)
    {
        var units = arguments.PositionalInt(0, minimum: 1) ?? 1;
        var (width, location) = arguments.NamedDouble("Width");
        if (width is { } given && !(given > 0 && given < double.PositiveInfinity))
        {
            arguments.Report(DiagnosticDescriptors.RbfWidthNotPositive, location, arguments.Name, given.ToString("R", CultureInfo.InvariantCulture));
            width = null;
        }

        return new RbfOptions(System.Math.Max(units, 1), width ?? 1);
    }

    /// <summary>The centres start uniform in [−1, 1] (inputs scaled to about that range suit them; k-means can replace them), the log-widths at ln Width.</summary>
    public override LayerPlan Plan(LayerPlanning planning)
    {
        var options = (RbfOptions)planning.Layer.Options;
        var input = planning.Input;
        VectorInput.Check(planning);

        var tensors = new List<TensorDeclaration>
        {
            TensorDeclaration.Parameter(TensorRoles.Center, new EquatableArray<int>(new[] { options.Units, input.Size }),
                TensorInitialization.Random(InitializerKind.Uniform, fanIn: input.Size, fanOut: options.Units), "The kernels' centres shaped [units, inputs]: row j is cⱼ."),
            TensorDeclaration.Parameter(TensorRoles.LogWidth, new EquatableArray<int>(new[] { options.Units }),
                TensorInitialization.Filled(System.Math.Log(options.Width)), "Each kernel's log-width sⱼ = ln σⱼ."),
        };
        var buffers = LayerBuffers.Standard(options.Units, ActivationChoice.Identity);
        buffers.Add(new PlannedBuffer(Distance, BufferElement.Float, options.Units));
        buffers.Add(new PlannedBuffer(KernelDelta, BufferElement.Float, options.Units));
        return new LayerPlan(input, Shape.Vector(options.Units), options, tensors, buffers);
    }

    public override (string Type, string Arguments) Info(PlannedLayer layer) =>
        ("RbfLayerInfo", LayerInfoEmitter.Tensor(layer, TensorRoles.Center) + ", " + LayerInfoEmitter.Tensor(layer, TensorRoles.LogWidth));

    public override string Details(PlannedLayer layer) => ", initial width " + Options(layer).Width.ToString("R", CultureInfo.InvariantCulture);

    private static RbfOptions Options(PlannedLayer layer) => (RbfOptions)layer.Options;
}

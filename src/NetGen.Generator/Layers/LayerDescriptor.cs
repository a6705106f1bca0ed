using System.Collections.Generic;
using System.Globalization;
using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Inference;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Layers;

/// <summary>
/// Everything the generator knows about one layer kind, stage by stage: reading its attribute into options (here),
/// planning its shapes, tensors and buffers (<see cref="PlannedLayerDescriptor"/>), and writing its C# and CUDA
/// passes (<see cref="ComputeLayerDescriptor"/>). Each kind is one class in its own folder under Layers/, registered
/// once in <see cref="LayerCatalog"/>; every stage must be written for every kind, so nothing falls into a default.
/// </summary>
internal abstract class LayerDescriptor
{
    protected LayerDescriptor(LayerKind kind) => Kind = kind;

    public LayerKind Kind { get; }

    /// <summary>The attribute's class name in the NetGen namespace: the kind followed by "Attribute".</summary>
    public string AttributeName => Kind + "Attribute";

    /// <summary>The name of the <paramref name="ordinal"/>-th layer of this kind when the attribute gives none ("Dense2").</summary>
    public virtual string DefaultName(int ordinal) => Kind + ordinal.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the attribute's arguments into this kind's options record.</summary>
    public abstract LayerOptions Read(LayerArguments arguments);
}

/// <summary>A layer kind that takes a shape in and gives a shape out: every kind but the input.</summary>
internal abstract class PlannedLayerDescriptor : LayerDescriptor
{
    protected PlannedLayerDescriptor(LayerKind kind)
        : base(kind)
    {
    }

    /// <summary>The output shape, the options with their defaults resolved, the tensors and the buffers; shape rules are reported through <paramref name="planning"/>.</summary>
    public abstract LayerPlan Plan(LayerPlanning planning);

    /// <summary>The layer's resolved activation, or null for kinds without one.</summary>
    public virtual ActivationChoice? ActivationOf(PlannedLayer layer) => null;

    /// <summary>The activation the summary shows: the layer's own, or one inside it (the Elman cell's f).</summary>
    public virtual ActivationChoice? SummaryActivation(PlannedLayer layer) => ActivationOf(layer);

    /// <summary>
    /// The layer in the runtime's <c>INetwork.Layers</c>: its <c>NetGen.LayerInfo</c> subclass and the constructor
    /// arguments after the name and shapes (<see cref="LayerInfoEmitter"/> writes those, and helps with tensors and activations).
    /// </summary>
    public abstract (string Type, string Arguments) Info(PlannedLayer layer);

    /// <summary>What the layer does beyond its kind and shapes, for comments and docs (", 5×5 kernel, stride 1, padding 2, ReLU").</summary>
    public abstract string Details(PlannedLayer layer);

    /// <summary>"Conv1: Conv2D 1×28×28 → 6×28×28, 5×5 kernel, stride 1, padding 2, ReLU".</summary>
    public string Describe(PlannedLayer layer) => layer.Name + ": " + Kind + " " + layer.InputShape + " → " + layer.OutputShape + Details(layer);
}

/// <summary>A layer that only reinterprets the shape of the layer below: it owns no buffer and emits no code.</summary>
internal abstract class ViewLayerDescriptor : PlannedLayerDescriptor
{
    protected ViewLayerDescriptor(LayerKind kind)
        : base(kind)
    {
    }
}

/// <summary>A layer that computes: it owns buffers and writes C# and CUDA for its forward and backward passes.</summary>
internal abstract class ComputeLayerDescriptor : PlannedLayerDescriptor
{
    protected ComputeLayerDescriptor(LayerKind kind)
        : base(kind)
    {
    }

    /// <summary>A static field the C# passes use (the runtime's shape of a spatial layer): its type and constructor arguments.</summary>
    public virtual (string Type, string Arguments)? CpuShape(PlannedLayer layer) => null;

    /// <summary>C# for the forward pass: reads <see cref="CSharpLayer.Source"/>, fills the layer's buffers (its activation included).</summary>
    public abstract void WriteForward(CSharpLayer layer, IndentedWriter writer);

    /// <summary>C# for the backward pass, given δ = ∂L/∂z: parameter gradients, and δ of the layer below unless <see cref="CSharpLayer.InputDelta"/> is "default".</summary>
    public abstract void WriteBackward(CSharpLayer layer, IndentedWriter writer);

    /// <summary>The forward kernels, activation included (softmax's own kernel is added by the emitter).</summary>
    public abstract IEnumerable<CudaKernel> ForwardKernels(CudaLayer layer);

    /// <summary>The kernels writing this layer's parameter gradients from δ (none for layers without parameters).</summary>
    public abstract IEnumerable<CudaKernel> ParameterGradientKernels(CudaLayer layer);

    /// <summary>The kernel writing δ of <paramref name="below"/>, its activation's derivative fused where it is element-wise.</summary>
    public abstract CudaKernel InputGradientKernel(CudaLayer layer, CudaLayer below);

    /// <summary>Device buffers the layer's kernels use beyond its per-sample buffers (split-k partial sums).</summary>
    public virtual IEnumerable<CudaBufferSpec> ScratchBuffers(CudaLayer layer) => [];
}

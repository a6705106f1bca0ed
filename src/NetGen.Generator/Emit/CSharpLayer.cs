using NetGen.Generator.Activations;
using NetGen.Generator.Layers;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// A compute layer as the C# passes see it: the C# names of its buffers, tensor slices and shape field, and what it reads
/// (the network's inputs or the output of the compute layer below; views own no buffer).
/// </summary>
internal sealed class CSharpLayer
{
    public CSharpLayer(PlannedLayer plan, ComputeLayerDescriptor descriptor, int stream, string source, CSharpLayer? below)
    {
        Plan = plan;
        Stream = stream;
        Descriptor = descriptor;
        Source = source;
        Below = below;
    }

    public PlannedLayer Plan { get; }

    public ComputeLayerDescriptor Descriptor { get; }

    /// <summary>The span the layer reads: <c>inputs</c> or the output field of the compute layer below.</summary>
    public string Source { get; }

    public CSharpLayer? Below { get; }

    /// <summary>The layer's random stream: its position among the network's layers (for stochastic layers).</summary>
    public int Stream { get; }

    /// <summary>The forward pass's mode, a bool: true in a training step, false in inference.</summary>
    public string Training => "training";

    /// <summary>The network's seed and the current training step, as the runtime's random streams take them.</summary>
    public string RandomSeed => "(uint)_seed";

    public string TrainingStep => "(ulong)_trainingSteps";

    /// <summary>In the backward pass, the δ field of the layer below to write, or "default" where nothing below needs it.</summary>
    public string InputDelta { get; set; } = "default";

    public ActivationChoice ActivationChoice => Descriptor.ActivationOf(Plan) ?? ActivationChoice.Identity;

    public ActivationEntry Activation => ActivationCatalog.For(ActivationChoice.Kind);

    /// <summary>The field of buffer <paramref name="role"/>: "_a_Hidden".</summary>
    public string Buffer(string role) => "_" + role + "_" + Plan.Name;

    public string Output => Buffer(PlannedBuffer.Output);

    /// <summary>z, which is a itself where the layer has no activation.</summary>
    public string PreActivation => Plan.HasBuffer(PlannedBuffer.PreActivation) ? Buffer(PlannedBuffer.PreActivation) : Output;

    public string Delta => Buffer(PlannedBuffer.Delta);

    /// <summary>The static field holding the runtime's shape of a spatial layer.</summary>
    public string ShapeField => "s_shape_" + Plan.Name;

    /// <summary>The layer's slice of the parameters for tensor <paramref name="role"/>.</summary>
    public string Parameters(string role) => Slice("parameters", role);

    /// <summary>The same slice of the gradients.</summary>
    public string Gradients(string role) => Slice("gradients", role);

    /// <summary>The layer's slice of the state for tensor <paramref name="role"/>.</summary>
    public string State(string role) => Slice("state", role);

    public string ParametersOrDefault(string role) => Plan.Tensor(role) is null ? "default" : Parameters(role);

    public string GradientsOrDefault(string role) => Plan.Tensor(role) is null ? "default" : Gradients(role);

    /// <summary>The element-wise activation as the runtime struct value the kernels take.</summary>
    public string ActivationStruct => Activation.CpuStructValue(ActivationChoice.AlphaOrZero);

    private string Slice(string buffer, string role)
    {
        var tensor = Plan.Tensor(role) ?? throw new System.InvalidOperationException(Plan.Name + " has no " + role + " tensor");
        return buffer + ".Slice(" + Literals.Int(tensor.Offset) + ", " + Literals.Int(tensor.Length) + ")";
    }
}

using System.Globalization;
using System.Linq;
using NetGen.Generator.Activations;
using NetGen.Generator.Layers;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// A compute layer as the CUDA emitter sees it: its C names, the buffer it reads, the compute layer below it (views own no
/// buffer, so it is the nearest one that computes), and how its activation is applied and differentiated.
/// </summary>
internal sealed class CudaLayer
{
    public CudaLayer(PlannedLayer plan, ComputeLayerDescriptor descriptor, int index, int stream, string source, CudaLayer? below)
    {
        Plan = plan;
        Stream = stream;
        Descriptor = descriptor;
        Id = CIdentifier(plan.Name, index);
        Source = source;
        Below = below;
    }

    public PlannedLayer Plan { get; }

    public ComputeLayerDescriptor Descriptor { get; }

    /// <summary>The layer's name as a C identifier (names outside ASCII get the layer's index to stay unique).</summary>
    public string Id { get; }

    /// <summary>The buffer the layer reads: the network's inputs or the output of the compute layer below.</summary>
    public string Source { get; }

    public CudaLayer? Below { get; }

    /// <summary>The layer's random stream: its position among the network's layers, as on the CPU.</summary>
    public int Stream { get; }

    public ActivationChoice ActivationChoice => Descriptor.ActivationOf(Plan) ?? ActivationChoice.Identity;

    public ActivationEntry Activation => ActivationCatalog.For(ActivationChoice.Kind);

    /// <summary>The device buffer of role <paramref name="role"/>: "a_Hidden".</summary>
    public string Buffer(string role) => role + "_" + Id;

    public bool HasSeparatePreActivation => Plan.HasBuffer(PlannedBuffer.PreActivation);

    public string Output => Buffer(PlannedBuffer.Output);

    public string PreActivation => HasSeparatePreActivation ? Buffer(PlannedBuffer.PreActivation) : Output;

    public string Delta => Buffer(PlannedBuffer.Delta);

    /// <summary>The offset of tensor <paramref name="role"/> in the parameter (and gradient) buffer.</summary>
    public int Offset(string role) => (Plan.Tensor(role) ?? throw new System.InvalidOperationException(Plan.Name + " has no " + role + " tensor")).Offset;

    /// <summary>A pointer to tensor <paramref name="role"/>'s parameters, as C.</summary>
    public string Parameters(string role) => CudaNames.Parameters + " + " + C.Int(Offset(role));

    /// <summary>A pointer to tensor <paramref name="role"/>'s layer state, as C.</summary>
    public string State(string role) => CudaNames.State + " + " + C.Int(Offset(role));

    /// <summary>Output positions per sample and channel: OH·OW for spatial layers, the steps of a sequence, 1 for vectors.</summary>
    public int Positions => Plan.OutputShape.Kind switch
    {
        ShapeKind.Matrix or ShapeKind.Image => Plan.OutputShape.Height * Plan.OutputShape.Width,
        ShapeKind.Sequence => Plan.OutputShape.Steps,
        _ => 1,
    };

    /// <summary>
    /// Output channels (filters) or units: of a sequence, the units of each step. A spatial layer's positions lie within
    /// each channel (NCHW); a sequence's units within each step.
    /// </summary>
    public int Channels => Plan.OutputShape.Kind switch
    {
        ShapeKind.Matrix or ShapeKind.Image => Plan.OutputShape.Channels,
        ShapeKind.Sequence => Plan.OutputShape.Features,
        _ => Plan.OutputSize,
    };

    /// <summary>f(pre) as C.</summary>
    public string ApplyActivation(string pre) => Activation.CudaApply(pre, ActivationChoice.AlphaOrZero);

    /// <summary>f'(z) as C given the z and a expressions.</summary>
    public string Derivative(string z, string a) => Activation.CudaDerivativeOf(z, a, ActivationChoice.AlphaOrZero);

    private static string CIdentifier(string name, int index)
    {
        var ascii = new string(name.Select(character => character < 128 && (char.IsLetterOrDigit(character) || character == '_') ? character : '_').ToArray());
        return ascii == name ? name : ascii + "_" + index.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>C literals.</summary>
internal static class C
{
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Float(double value)
    {
        var single = (float)value;
        var text = single.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains("E") || text.Contains(".") || text.Contains("N") || text.Contains("I") ? text.Replace("E", "e") + "f" : text + ".0f";
    }
}

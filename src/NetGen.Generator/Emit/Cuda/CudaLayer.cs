using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit.Cuda;

/// <summary>
/// A compute layer (dense, convolution, pooling) as the CUDA emitter sees it: its C names, the buffer it reads, the
/// compute layer below it (flatten is a view, so it has none), and how its activation's derivative is applied.
/// </summary>
internal sealed class CudaLayer
{
    public CudaLayer(PlannedLayer plan, int index, string source, CudaLayer? below)
    {
        Plan = plan;
        Id = CIdentifier(plan.Name, index);
        Source = source;
        Below = below;
    }

    public PlannedLayer Plan { get; }

    /// <summary>The layer's name as a C identifier (names outside ASCII get the layer's index to stay unique).</summary>
    public string Id { get; }

    /// <summary>The buffer the layer reads: the network's inputs or the output of the compute layer below.</summary>
    public string Source { get; }

    public CudaLayer? Below { get; }

    public LayerKind Kind => Plan.Kind;

    public ActivationKind Activation => Plan.Layer.HasActivation ? Plan.Layer.Activation : ActivationKind.Identity;

    public bool HasSeparatePreActivation => Activation != ActivationKind.Identity;

    public string Output => "a_" + Id;

    public string PreActivation => HasSeparatePreActivation ? "z_" + Id : Output;

    public string Delta => "delta_" + Id;

    public string ArgMax => "argmax_" + Id;

    public string SplitPartials => "weight_gradient_partials_" + Id;

    /// <summary>An activation applied element by element, so its derivative can be fused into whatever produces the layer's δ.</summary>
    public bool HasElementwiseDerivative => Activation is not (ActivationKind.Identity or ActivationKind.Softmax or ActivationKind.PReLU);

    /// <summary>Softmax and PReLU turn ∂L/∂a into ∂L/∂z in a kernel of their own, after the producer of δ.</summary>
    public bool NeedsActivationBackwardKernel => Activation is ActivationKind.Softmax or ActivationKind.PReLU;

    /// <summary>Output positions per sample and channel: OH·OW for spatial layers, 1 for dense.</summary>
    public int Positions => Plan.OutputShape.Count == 3 ? Plan.OutputShape[1] * Plan.OutputShape[2] : 1;

    /// <summary>Output channels (filters) or units.</summary>
    public int Channels => Plan.OutputShape.Count == 3 ? Plan.OutputShape[0] : Plan.OutputSize;

    public string Alpha => C.Float(Plan.Alpha);

    /// <summary>f(pre) as C, for the element-wise activations and identity.</summary>
    public string ApplyActivation(string pre) =>
        Activation == ActivationKind.Identity ? pre : FunctionName(Activation) + "(" + pre + ", " + Alpha + ")";

    /// <summary>f'(z) as C given the z and a expressions.</summary>
    public string Derivative(string z, string a) => FunctionName(Activation) + "_derivative(" + z + ", " + a + ", " + Alpha + ")";

    private static string FunctionName(ActivationKind activation) => activation switch
    {
        ActivationKind.BinaryStep => "ng_binary_step",
        ActivationKind.Sigmoid => "ng_sigmoid",
        ActivationKind.Tanh => "ng_tanh",
        ActivationKind.ArcTan => "ng_arctan",
        ActivationKind.ReLU => "ng_relu",
        ActivationKind.LeakyReLU => "ng_leaky_relu",
        ActivationKind.ELU => "ng_elu",
        ActivationKind.SoftPlus => "ng_softplus",
        _ => "ng_identity",
    };

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

using System.Text.RegularExpressions;
using NetGen.Generator.Emit;
using NetGen.Generator.Emit.Cuda;
using NetGen.Generator.Model;

namespace NetGen.Generator.Activations;

/// <summary>How an activation is applied, which decides where its derivative goes.</summary>
internal enum ActivationForm
{
    /// <summary>f(z) = z: no separate z buffer and nothing to differentiate.</summary>
    Identity,

    /// <summary>Element by element: f(z) in the producing product's epilogue, f'(z) fused into whatever writes the layer's δ.</summary>
    Elementwise,

    /// <summary>Over a sample's units (softmax): a kernel of its own after the product, and one that turns ∂L/∂a into ∂L/∂z.</summary>
    RowWise,

    /// <summary>With learned parameters (PReLU, one α per unit): f(z) in the epilogue, a kernel of its own for δ and ∂L/∂α.</summary>
    Learned,

    /// <summary>
    /// Element by element with noise in a training step (noisy ReLU): the epilogue writes f(z) without noise, which is what
    /// inference keeps; in training a pass of its own then writes f(z, ε) from z, ε drawn from the layer's random stream.
    /// f'(z) needs only z and a, so it is fused like an element-wise one.
    /// </summary>
    Noisy,
}

/// <summary>
/// One activation: its C# struct in the runtime, its CUDA forward and derivative as C expressions (of z, a = f(z) and the
/// layer's alpha), how it is applied, its default α and the initializer that suits it.
/// </summary>
internal sealed record ActivationEntry(
    ActivationKind Kind,
    ActivationForm Form,
    string? CpuStruct,
    string? CudaName,
    string? CudaForward,
    string? CudaDerivative,
    double? DefaultAlpha = null,
    InitializerKind DefaultInitializer = InitializerKind.XavierUniform,
    string? CudaDerivativeNote = null,
    bool DenseOnly = false,
    string? CudaNoisyForward = null)
{
    /// <summary>Whether the layer's δ needs f'(z) fused in by the producer of δ.</summary>
    public bool HasElementwiseDerivative => Form is ActivationForm.Elementwise or ActivationForm.Noisy;

    /// <summary>Whether the layer keeps z apart from a = f(z).</summary>
    public bool KeepsPreActivation => Form != ActivationForm.Identity;

    /// <summary>Whether the activation takes α (leaky ReLU, ELU, PReLU).</summary>
    public bool TakesAlpha => DefaultAlpha is not null;

    /// <summary>The runtime struct value that applies it element by element, as a C# argument.</summary>
    public string CpuStructValue(double alpha) => CpuStruct is null
        ? throw new System.InvalidOperationException(Kind + " is not applied element by element on the CPU")
        : TakesAlpha
            ? "new " + RuntimeTypes.Internal + CpuStruct + "(" + Literals.Float(alpha) + ")"
            : "default(" + RuntimeTypes.Internal + CpuStruct + ")";

    /// <summary>f(<paramref name="pre"/>) as C.</summary>
    public string CudaApply(string pre, double alpha) => Form == ActivationForm.Identity
        ? pre
        : CudaName + "(" + pre + ", " + C.Float(alpha) + ")";

    /// <summary>f'(z) as C, given C expressions for z and a.</summary>
    public string CudaDerivativeOf(string z, string a, double alpha) => CudaName + "_derivative(" + z + ", " + a + ", " + C.Float(alpha) + ")";

    /// <summary>A noisy activation's f(z) in a training step as C, given C expressions for z and its standard normal draw.</summary>
    public string CudaApplyWithNoise(string z, string noise) => CudaNoisyForward is null
        ? throw new System.InvalidOperationException(Kind + " adds no noise")
        : CudaName + "_training(" + z + ", " + noise + ")";

    /// <summary>
    /// The device functions the prelude declares for it: f(z, alpha) and f'(z, a, alpha), unused parameters unnamed, and for a
    /// noisy activation f(z, noise) in a training step.
    /// </summary>
    public string CudaFunctions()
    {
        var forward = "__device__ __forceinline__ float " + CudaName + "(" + Parameter("z", CudaForward!) + ", " + Parameter("alpha", CudaForward!) +
                      ") { return " + CudaForward + "; }\n";
        var note = CudaDerivativeNote is null ? string.Empty : "// " + CudaDerivativeNote + "\n";
        var derivative = "__device__ __forceinline__ float " + CudaName + "_derivative(" + Parameter("z", CudaDerivative!) + ", " +
                         Parameter("a", CudaDerivative!) + ", " + Parameter("alpha", CudaDerivative!) + ") { return " + CudaDerivative + "; }\n";
        var training = CudaNoisyForward is null
            ? string.Empty
            : "__device__ __forceinline__ float " + CudaName + "_training(float z, float noise) { return " + CudaNoisyForward + "; }\n";
        return forward + note + derivative + training;
    }

    private static string Parameter(string name, string expression) =>
        Regex.IsMatch(expression, @"\b" + name + @"\b") ? "float " + name : "float";
}

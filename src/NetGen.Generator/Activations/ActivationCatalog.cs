using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Activations;

/// <summary>Every activation, one entry each: a new activation is an entry here plus its runtime struct.</summary>
internal static class ActivationCatalog
{
    public static ImmutableArray<ActivationEntry> All { get; } =
    [
        new(ActivationKind.Identity, ActivationForm.Identity, "IdentityActivation", "ng_identity", "z", "1.0f"),
        new(ActivationKind.BinaryStep, ActivationForm.Elementwise, "BinaryStepActivation", "ng_binary_step", "z >= 0.0f ? 1.0f : 0.0f", "0.0f"),
        new(ActivationKind.Sigmoid, ActivationForm.Elementwise, "SigmoidActivation", "ng_sigmoid", "ng_sigmoid(z)", "a * (1.0f - a)"),
        new(ActivationKind.Tanh, ActivationForm.Elementwise, "TanhActivation", "ng_tanh", "tanhf(z)", "1.0f - a * a"),
        new(ActivationKind.ArcTan, ActivationForm.Elementwise, "ArcTanActivation", "ng_arctan", "atanf(z)", "__fdividef(1.0f, 1.0f + z * z)",
            CudaDerivativeNote: "__fdividef as in ng_sigmoid; 1 + z² ≥ 1 (it returns 0 only beyond |z| ≈ 1e19, where the derivative is 0 in float anyway)."),
        new(ActivationKind.ReLU, ActivationForm.Elementwise, "ReluActivation", "ng_relu", "z > 0.0f ? z : 0.0f", "z > 0.0f ? 1.0f : 0.0f",
            DefaultInitializer: InitializerKind.HeNormal),
        new(ActivationKind.LeakyReLU, ActivationForm.Elementwise, "LeakyReluActivation", "ng_leaky_relu", "z > 0.0f ? z : alpha * z", "z > 0.0f ? 1.0f : alpha",
            DefaultAlpha: 0.01, DefaultInitializer: InitializerKind.HeNormal),
        new(ActivationKind.PReLU, ActivationForm.Learned, CpuStruct: null, CudaName: null, CudaForward: null, CudaDerivative: null,
            DefaultAlpha: 0.25, DefaultInitializer: InitializerKind.HeNormal, DenseOnly: true),
        new(ActivationKind.ELU, ActivationForm.Elementwise, "EluActivation", "ng_elu", "z > 0.0f ? z : alpha * (expf(z) - 1.0f)", "z > 0.0f ? 1.0f : a + alpha",
            DefaultAlpha: 1.0, DefaultInitializer: InitializerKind.HeNormal),
        new(ActivationKind.SoftPlus, ActivationForm.Elementwise, "SoftPlusActivation", "ng_softplus", "fmaxf(z, 0.0f) + logf(1.0f + expf(-fabsf(z)))", "ng_sigmoid(z)"),
        new(ActivationKind.Softmax, ActivationForm.RowWise, CpuStruct: null, CudaName: null, CudaForward: null, CudaDerivative: null, DenseOnly: true),
        new(ActivationKind.NoisyReLU, ActivationForm.Noisy, "NoisyReluActivation", "ng_noisy_relu", "z > 0.0f ? z : 0.0f",
            "a > 0.0f ? 1.0f + 0.5f * (a - z) * (1.0f - ng_sigmoid(z)) : 0.0f",
            DefaultInitializer: InitializerKind.HeNormal,
            CudaDerivativeNote: "Noisy ReLU: where a > 0, a − z is the noise √σ(z)·ε (0 in inference), so f' = 1 + ε·√σ(z)·(1 − σ(z))/2 needs no draw.",
            CudaNoisyForward: "ng_noisy_relu(z + sqrtf(ng_sigmoid(z)) * noise, 0.0f)"),
    ];

    private static readonly Dictionary<ActivationKind, ActivationEntry> s_byKind = All.ToDictionary(entry => entry.Kind);

    public static ActivationEntry For(ActivationKind kind) =>
        s_byKind.TryGetValue(kind, out var entry) ? entry : throw new KeyNotFoundException("No activation entry for " + kind + ".");

    /// <summary>The device functions of every activation applied by a named function, in catalog order.</summary>
    public static string CudaFunctions() => string.Concat(All.Where(entry => entry.CudaName is not null).Select(entry => entry.CudaFunctions()));
}

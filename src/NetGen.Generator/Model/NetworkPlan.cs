using System.Linq;

namespace NetGen.Generator.Model;

/// <summary>A network after shape inference: every layer's shapes, tensors and buffers.</summary>
internal sealed record NetworkPlan(
    NetworkModel Network,
    Shape InputShape,
    int OutputSize,
    int ParameterCount,
    int StateCount,
    AccuracyKind Accuracy,
    EquatableArray<PlannedLayer> Layers,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public int InputSize => InputShape.Size;

    public bool CanEmit => !Network.HasCompilerErrors && !HasErrors;

    public bool HasErrors => Diagnostics.Any(diagnostic =>
        NetGen.Generator.Diagnostics.DiagnosticDescriptors.ById(diagnostic.DescriptorId).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
}

/// <summary>How the runtime scores predictions (mirrors NetGen.AccuracyKind).</summary>
internal enum AccuracyKind
{
    None = 0,
    Threshold,
    ArgMax,
}

/// <summary>
/// A layer with its inferred shapes, its options with every default resolved, the tensors it owns (with their offsets in
/// the network's parameter or state buffer) and the per-sample buffers it computes into.
/// </summary>
internal sealed record PlannedLayer(
    LayerModel Layer,
    Shape InputShape,
    Shape OutputShape,
    LayerOptions Options,
    EquatableArray<PlannedTensor> Tensors,
    EquatableArray<PlannedBuffer> Buffers)
{
    public string Name => Layer.Name;

    public LayerKind Kind => Layer.Kind;

    public int InputSize => InputShape.Size;

    public int OutputSize => OutputShape.Size;

    /// <summary>Trainable parameters, saturating at <see cref="int.MaxValue"/> (which inference reports as too large).</summary>
    public int ParameterCount => (int)System.Math.Min(
        Tensors.Where(tensor => tensor.Storage == TensorStorage.Parameters).Sum(tensor => (long)tensor.Length), int.MaxValue);

    /// <summary>The tensor of <paramref name="role"/> ("Weight", "Bias", …), or null when the layer has none.</summary>
    public PlannedTensor? Tensor(string role) => Tensors.FirstOrDefault(tensor => tensor.Role == role);

    public bool HasBuffer(string role) => Buffers.Any(buffer => buffer.Role == role);
}

/// <summary>Which buffer a tensor lives in: trained by the optimizer, or layer state it never touches.</summary>
internal enum TensorStorage
{
    Parameters,
    State,
}

/// <summary>
/// A named, shaped slice of the parameter or state buffer: "Weight", "Bias" or "Alpha" of a layer, or state such as
/// running statistics. Checkpoints name it "Layer.Role".
/// </summary>
internal sealed record PlannedTensor(
    string Role,
    TensorStorage Storage,
    int Offset,
    EquatableArray<int> Shape,
    TensorInitialization Initialization,
    string? Documentation)
{
    /// <summary>Elements, saturating at <see cref="int.MaxValue"/> (which inference reports as too large).</summary>
    public int Length => Model.Shape.Product(Shape);
}

/// <summary>How a tensor starts: drawn from an initializer with the layer's fan-in and fan-out, or filled with a constant.</summary>
internal sealed record TensorInitialization(InitializerKind Initializer, int FanIn, int FanOut, double Constant)
{
    public bool IsRandom => Initializer != InitializerKind.Default;

    public static TensorInitialization Random(InitializerKind initializer, int fanIn, int fanOut) => new(initializer, fanIn, fanOut, 0);

    public static TensorInitialization Filled(double value) => new(InitializerKind.Default, 0, 0, value);
}

/// <summary>Element types of per-sample buffers.</summary>
internal enum BufferElement
{
    Float,
    Int,
}

/// <summary>
/// A buffer a layer computes into, <see cref="PerSample"/> elements per sample of a batch: "z" (pre-activations),
/// "a" (outputs), "delta" (∂L/∂z) and kind-specific ones such as max pooling's "argmax"; or <see cref="Fixed"/>
/// elements whatever the batch (batch normalisation's per-feature statistics).
/// </summary>
internal sealed record PlannedBuffer(string Role, BufferElement Element, int PerSample, int Fixed = 0)
{
    public const string PreActivation = "z";
    public const string Output = "a";
    public const string Delta = "delta";
}

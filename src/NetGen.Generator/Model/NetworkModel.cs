namespace NetGen.Generator.Model;

/// <summary>A network declaration as parsed from its attributes: plain data, no symbols or syntax.</summary>
internal sealed record NetworkModel(
    string? Namespace,
    string ClassName,
    EquatableArray<ContainingType> ContainingTypes,
    LossKind Loss,
    ReductionKind Reduction,
    EquatableArray<LayerModel> Layers,
    SourceLocation? Location,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool HasCompilerErrors)
{
    /// <summary>The fully qualified name users see, used as a hint name and in messages.</summary>
    public string FullName =>
        (Namespace is null ? string.Empty : Namespace + ".") +
        string.Concat(System.Linq.Enumerable.Select(ContainingTypes, type => type.Name + ".")) +
        ClassName;
}

/// <summary>A type that encloses the network class, re-declared around the generated part.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>
/// One layer attribute. <see cref="Size"/> holds the constructor's sizes: the input shape, a dense layer's
/// units, a convolution's filters, a pooling window. Kernel, stride and padding are null where not given.
/// </summary>
internal sealed record LayerModel(
    LayerKind Kind,
    string Name,
    EquatableArray<int> Size,
    ActivationKind Activation,
    double? Alpha,
    InitializerKind Initializer,
    bool HasBias,
    int? Kernel,
    int? Stride,
    int? Padding,
    SourceLocation? Location)
{
    public bool HasActivation => Kind is LayerKind.Dense or LayerKind.Conv2D;
}

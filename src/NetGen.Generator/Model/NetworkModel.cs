namespace NetGen.Generator.Model;

/// <summary>A network declaration as parsed from its attributes, with the members the user declares beside them: plain data, no symbols or syntax.</summary>
internal sealed record NetworkModel(
    string? Namespace,
    string ClassName,
    EquatableArray<ContainingType> ContainingTypes,
    LossKind Loss,
    ReductionKind Reduction,
    EquatableArray<LayerModel> Layers,
    SourceLocation? Location,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool HasCompilerErrors,
    EquatableArray<UserMember> Members)
{
    /// <summary>The fully qualified name users see, used as a hint name and in messages.</summary>
    public string FullName => QualifiedName.Of(Namespace, ContainingTypes, ClassName);
}

/// <summary>A type that encloses the network class, re-declared around the generated part.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>
/// One layer attribute: its kind, its name and the options its kind's descriptor read from it. <see cref="HasSizeOutOfRange"/>
/// says a size was reported out of range (NG0006) and read as the nearest valid one, so the shape it gives is a guess.
/// </summary>
internal sealed record LayerModel(LayerKind Kind, string Name, LayerOptions Options, SourceLocation? Location, bool HasSizeOutOfRange = false);

/// <summary>The options of one layer kind, read from its attribute (the base of one record per kind).</summary>
internal abstract record LayerOptions;

/// <summary>
/// A layer's activation. <see cref="Alpha"/> is what the attribute gave (null when not set) until planning
/// resolves it to the value the layer uses (null for activations that take no α).
/// </summary>
internal sealed record ActivationChoice(ActivationKind Kind, double? Alpha)
{
    public static ActivationChoice Identity { get; } = new(ActivationKind.Identity, null);

    public double AlphaOrZero => Alpha ?? 0;
}

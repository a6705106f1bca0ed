namespace NetGen.Generator.Model;

/// <summary>
/// A self-organising map declaration as parsed from [SelfOrganizingMap]: plain data, no symbols or syntax. <see cref="CanEmit"/>
/// is false when a diagnostic or a compiler error stops its code.
/// </summary>
internal sealed record MapModel(
    string? Namespace,
    string ClassName,
    EquatableArray<ContainingType> ContainingTypes,
    int Rows,
    int Columns,
    int InputSize,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool CanEmit)
{
    /// <summary>The fully qualified name users see, used as a hint name and in messages.</summary>
    public string FullName => QualifiedName.Of(Namespace, ContainingTypes, ClassName);
}

namespace NetGen.CodeFixes;

/// <summary>
/// The IDs of the generator's diagnostics that have code fixes, as strings: this assembly must not
/// reference the generator (see docs/diagnostics.md for what each means).
/// </summary>
internal static class NetGenDiagnosticIds
{
    public const string NetworkNotPartial = "NG0001";
    public const string ContainingTypeNotPartial = "NG0003";
    public const string LayerNeedsVector = "NG0010";
    public const string LayerNeedsImage = "NG0016";
    public const string LayersWithoutNetwork = "NG0025";
    public const string RecurrentNeedsSequence = "NG0032";
    public const string SequenceIntoVectorLayer = "NG0033";
}

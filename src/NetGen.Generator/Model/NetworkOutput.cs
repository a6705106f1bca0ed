namespace NetGen.Generator.Model;

/// <summary>What a network produces: its generated file (null when an error stops it) and every diagnostic about it.</summary>
internal sealed record NetworkOutput(string HintName, string? Source, EquatableArray<DiagnosticInfo> Diagnostics);

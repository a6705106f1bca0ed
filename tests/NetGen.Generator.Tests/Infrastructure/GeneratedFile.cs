namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>One source file the generator added, by hint name.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Tests that run <c>dotnet build</c> as a child process. They run alone, after the parallel tests: a build
/// takes both cores, and two builds of the same projects at once would fight over their outputs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealBuildCollection
{
    public const string Name = "Real builds";
}

namespace NetGen.CodeFixes.Tests.Infrastructure;

/// <summary>The file path of each test source: the first is Network.cs, the others Source1.cs, Source2.cs, ...</summary>
internal static class SourcePaths
{
    public static string Of(int index) => index == 0 ? "Network.cs" : "Source" + index + ".cs";
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Builds the compilation a user's project would hand the generator: the framework, NetGen.Attributes and NetGen.Runtime.</summary>
internal static class TestCompilation
{
    /// <summary>The path every test source gets unless it names its own.</summary>
    public const string DefaultPath = "Network.cs";

    public static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Latest,
        DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions s_options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(LoadReferences);

    public static IReadOnlyList<MetadataReference> References => s_references.Value;

    public static CSharpCompilation Create(params string[] sources) =>
        Create(sources.Select((source, index) => Parse(source, index == 0 ? DefaultPath : "Source" + index + ".cs")).ToArray());

    public static CSharpCompilation Create(params SyntaxTree[] trees) =>
        CSharpCompilation.Create("NetGenTestAssembly_" + Guid.NewGuid().ToString("N"), trees, References, s_options);

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var framework = trusted.Where(path =>
            string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal) &&
            path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));

        var netGen = new[]
        {
            typeof(NetGen.INetwork).Assembly.Location,
            typeof(NetGen.NetworkAttribute).Assembly.Location,
        };

        return framework.Concat(netGen)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}

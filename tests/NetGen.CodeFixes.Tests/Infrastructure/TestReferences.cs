using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.CodeFixes.Tests.Infrastructure;

/// <summary>
/// What a user's project hands the compiler, as in the generator tests' harness: the framework,
/// NetGen.Attributes and NetGen.Runtime, with the latest language version.
/// </summary>
internal static class TestReferences
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_metadata = new(Load);

    public static IReadOnlyList<MetadataReference> Metadata => s_metadata.Value;

    private static IReadOnlyList<MetadataReference> Load()
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

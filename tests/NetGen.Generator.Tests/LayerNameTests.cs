using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Layer names become nested classes (<c>Layers.hidden</c>) and parts of field names: every name the generator accepts must
/// give code without a warning.
/// </summary>
public sealed class LayerNameTests
{
    /// <summary>Lowercase names and contextual keywords, some of which C# refuses as type names unless written with '@'.</summary>
    public static TheoryData<string> Names => new(
        "hidden", "conv1", "x", "_", "_hidden", "Ünits", "nint", "var", "async", "value", "dynamic", "nameof", "await", "yield",
        "partial", "field", "when", "global", "select", "extension", "allows", "record", "file", "required", "scoped");

    [Theory]
    [MemberData(nameof(Names))]
    public void NameGeneratesWithoutWarnings(string name)
    {
        var run = GeneratorHarness.Run(Network(name));

        Assert.Empty(run.NetGenDiagnostics);
        Assert.Single(run.GeneratedSources);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings with layer name '" + name + "'");
    }

    [Fact]
    public void UserCodeReachesALowercaseLayerByItsName()
    {
        var run = GeneratorHarness.Run(Network("hidden"), """
            namespace Demo;

            /// <summary>Reads a layer's tensor.</summary>
            public static class LayerReader
            {
                /// <summary>The weights' offset.</summary>
                public static int Offset => NamedLayerNet.Layers.hidden.Weight.Offset;
            }
            """);

        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings");
    }

    private static string Network(string layerName) => """
        using NetGen;

        namespace Demo;

        /// <summary>A network with one named layer.</summary>
        [Network]
        [Input(2)]
        [Dense(1, Name = "
        """ + layerName + """
        ")]
        public partial class NamedLayerNet;
        """;
}

using System.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// NetGen's diagnostics are located in the compilation's syntax trees, so the user's #pragma warning disable and
/// [SuppressMessage] silence them as they silence the compiler's own warnings.
/// </summary>
public sealed class DiagnosticSuppressionTests
{
    private const string Network = """
        using NetGen;

        [Network]
        [Input(2)]
        [Dense(4, Name = "Hidden", Activation = Activation.ReLU, Alpha = 0.2)]
        [Dense(1)]
        public partial class AlphaNet;
        """;

    [Fact]
    public void A_warning_is_reported_in_the_users_syntax_tree()
    {
        var run = GeneratorHarness.Run(Network);

        var warning = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0012", warning.Id);
        Assert.Same(run.InputCompilation.SyntaxTrees.Single(), warning.Location.SourceTree);
    }

    [Fact]
    public void Pragma_warning_disable_silences_a_warning_and_the_network_still_generates()
    {
        var run = GeneratorHarness.Run("#pragma warning disable NG0012\n" + Network);

        Assert.DoesNotContain(run.NetGenDiagnostics, diagnostic => diagnostic.Id == "NG0012" && !diagnostic.IsSuppressed);
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void Pragma_warning_restore_ends_the_silence()
    {
        var run = GeneratorHarness.Run("#pragma warning disable NG0012\n#pragma warning restore NG0012\n" + Network);

        Assert.Contains(run.NetGenDiagnostics, diagnostic => diagnostic.Id == "NG0012" && !diagnostic.IsSuppressed);
    }

    [Fact]
    public void SuppressMessage_on_the_network_class_silences_a_warning()
    {
        var suppressed = Network.Replace(
            "public partial class AlphaNet;",
            "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"NetGen\", \"NG0012\")]\npublic partial class AlphaNet;",
            System.StringComparison.Ordinal);

        var run = GeneratorHarness.Run(suppressed);

        Assert.DoesNotContain(run.NetGenDiagnostics, diagnostic => diagnostic.Id == "NG0012" && !diagnostic.IsSuppressed);
    }
}

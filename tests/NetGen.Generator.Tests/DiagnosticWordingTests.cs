using System.Globalization;
using System.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>Messages that say what is wrong in the user's terms: counts in the singular for one, ranges that are float's, one diagnostic per cause.</summary>
public sealed class DiagnosticWordingTests
{
    [Fact]
    public void NetworkNestedInAGenericTypeReportsNG0002Once()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            public partial class Outer<T>
            {
                [Network][Input(2)][Dense(1)]
                public partial class InnerNet;
            }
            """);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0002", diagnostic.Id);
        Assert.Equal("Network 'InnerNet' cannot be nested in a generic type; declare it as a non-generic, non-static partial class",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void NullNameSaysTheNameIsMissing()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            [Network]
            [Input(2)]
            [Dense(1, Name = null)]
            public partial class NullNameNet;
            """);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0008", diagnostic.Id);
        Assert.Equal("Layer name must not be null; leave Name out to use the default name 'Dense1'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("[Dense(1, Activation = Activation.LeakyReLU, Alpha = 1e308)]", "Dense 'Dense1' has Alpha = 1E+308; it is beyond float's range (±3.4e38)")]
    [InlineData("[Dense(1, Activation = Activation.ELU, Alpha = -1e39)]", "Dense 'Dense1' has Alpha = -1E+39; it is beyond float's range (±3.4e38)")]
    [InlineData("[Dense(1, Activation = Activation.LeakyReLU, Alpha = double.PositiveInfinity)]", "Dense 'Dense1' has Alpha = Infinity; it must be a finite number")]
    [InlineData("[BatchNorm(Epsilon = 1e308)] [Dense(1)]", "BatchNorm 'BatchNorm1' has Epsilon = 1E+308; it is beyond float's range (±3.4e38)")]
    [InlineData("[BatchNorm(Epsilon = 1e-50)] [Dense(1)]", "BatchNorm 'BatchNorm1' has Epsilon = 1E-50; it must be at least float's smallest positive value (1.4e-45), or it rounds to 0")]
    [InlineData("[BatchNorm(Epsilon = -1)] [Dense(1)]", "BatchNorm 'BatchNorm1' has Epsilon = -1; it must be positive")]
    public void OptionsOutsideFloatSayWhy(string layers, string message)
    {
        var run = GeneratorHarness.Run("using NetGen;\n[Network]\n[Input(2)]\n" + layers + "\npublic partial class RangeNet;");

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OneOutputIsNotPlural()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss = Loss.SoftmaxCrossEntropy)]
            [Input(2)]
            [Dense(1, Name = "Score")]
            public partial class OneClassNet;
            """);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("NG0011", diagnostic.Id);
        Assert.Contains("(Identity, 1 output)", diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OneFloatIsNotPlural()
    {
        var run = GeneratorHarness.Run("""
            using NetGen;
            [Network]
            [Input(2)]
            [Dense(1, Name = "Score")]
            [Reshape(4)]
            [Dense(1)]
            public partial class GrowingNet;
            """);

        var diagnostic = Assert.Single(run.NetGenDiagnostics);
        Assert.Equal("Reshape 'Reshape1' turns what 'Score' produces, 1 (1 float), into 4 (4 floats); a reshape must keep every float",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CountsAreSingularForOne()
    {
        Assert.Equal("1 float", NetGen.Generator.Diagnostics.Plural.Of(1, "float"));
        Assert.Equal("0 floats", NetGen.Generator.Diagnostics.Plural.Of(0, "float"));
        Assert.Equal("2 rows", NetGen.Generator.Diagnostics.Plural.Of(2, "row"));
    }
}

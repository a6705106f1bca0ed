using System.Linq;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>Every valid declaration generates code that compiles with no error and no warning.</summary>
public sealed class GeneratedCodeCompilesTests
{
    public static TheoryData<string> ValidNetworkNames => new(ValidNetworks.ByName.Keys.OrderBy(name => name, System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ValidNetworkNames))]
    public void GeneratedCodeHasNoErrorsOrWarnings(string networkName)
    {
        var run = GeneratorHarness.Run(ValidNetworks.ByName[networkName]);

        Assert.NotEmpty(run.SingleSource.Text);
        DiagnosticAssert.None(run.OutputErrorsAndWarnings, "errors or warnings in the output compilation");
    }

    [Fact]
    public void EveryActivationNetworkDeclaresEveryActivation()
    {
        var source = ValidNetworks.EveryActivation(nameof(NetGen.Loss.MeanSquaredError), nameof(NetGen.LossReduction.Mean));

        foreach (var activation in System.Enum.GetNames<NetGen.Activation>())
        {
            Assert.Matches(@"Activation = Activation\." + activation + @"\b", source);
        }
    }
}

using System;
using System.Linq;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>Sizes and the summary are computed at build time; the generated assembly really carries them, and runs.</summary>
public sealed class GeneratedConstantsTests
{
    private const string SigmoidMlpType = "Demo.SigmoidMlp";

    [Fact]
    public void SigmoidMlpSourceDeclaresItsParameterCount()
    {
        var run = GeneratorHarness.Run(ValidNetworks.SigmoidMlp);

        Assert.Contains("public const int ParameterCount = 13002;", run.SingleSource.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SigmoidMlpAssemblyCarriesItsConstants()
    {
        var run = GeneratorHarness.Run(ValidNetworks.SigmoidMlp);

        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);

        Assert.Equal(13002, assembly.Constant(SigmoidMlpType, "ParameterCount"));
        Assert.Equal(784, assembly.Constant(SigmoidMlpType, "InputSize"));
        Assert.Equal(10, assembly.Constant(SigmoidMlpType, "OutputSize"));
        Assert.Equal(784 * 16 + 16, assembly.Constant(SigmoidMlpType + "+Layers+Dense1", "ParameterCount"));
        Assert.Equal((16 * 16) + 16, assembly.Constant(SigmoidMlpType + "+Layers+Dense2", "ParameterCount"));
        Assert.Equal((16 * 10) + 10, assembly.Constant(SigmoidMlpType + "+Layers+Dense3", "ParameterCount"));
        var summary = Assert.IsType<string>(assembly.Constant(SigmoidMlpType, "Summary"));
        Assert.EndsWith("Total parameters: 13,002", summary, StringComparison.Ordinal);
        Assert.StartsWith("Network SigmoidMlp (loss: MeanSquaredError, mean over the batch)\n", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void SigmoidMlpAssemblyRunsAForwardPass()
    {
        var run = GeneratorHarness.Run(ValidNetworks.SigmoidMlp);
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);
        var network = Assert.IsAssignableFrom<NetGen.INetwork>(Activator.CreateInstance(assembly.Assembly.GetType(SigmoidMlpType)!));

        var outputs = new float[2 * 10];
        network.Forward(new float[2 * 784], outputs);

        Assert.Equal(13002, network.ParameterCount);
        Assert.Equal(13002, network.Parameters.Length);
        Assert.Contains(network.Parameters.ToArray(), parameter => parameter != 0f);
        Assert.All(outputs, output => Assert.InRange(output, 0f, 1f));
        Assert.Equal(outputs.Take(10), outputs.Skip(10));
    }
}

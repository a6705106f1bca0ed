using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>The generated code, line for line, against files checked in under Snapshots/.</summary>
public sealed class GeneratedCodeSnapshotTests
{
    [Fact]
    public void XorNetworkMatchesItsSnapshot()
    {
        var run = GeneratorHarness.Run(ValidNetworks.Xor);

        Assert.StartsWith("Demo.XorNet.", run.SingleSource.HintName, System.StringComparison.Ordinal);
        Snapshot.Match(run.SingleSource.Text, "XorNet");
    }

    [Fact]
    public void ImageMlpMatchesItsSnapshot()
    {
        var run = GeneratorHarness.Run(ValidNetworks.ImageMlp);

        Assert.StartsWith("Demo.Vision.DigitClassifier.", run.SingleSource.HintName, System.StringComparison.Ordinal);
        Snapshot.Match(run.SingleSource.Text, "DigitClassifier");
    }

    [Fact]
    public void LeNet5MatchesItsSnapshot()
    {
        var run = GeneratorHarness.Run(ValidNetworks.LeNet5);

        Assert.StartsWith("Demo.Vision.LeNet5.", run.SingleSource.HintName, System.StringComparison.Ordinal);
        Snapshot.Match(run.SingleSource.Text, "LeNet5");
    }

    [Fact]
    public void RegularizedNetworkMatchesItsSnapshot()
    {
        var run = GeneratorHarness.Run(ValidNetworks.Regularized);

        Assert.StartsWith("Demo.Vision.RegularizedNet.", run.SingleSource.HintName, System.StringComparison.Ordinal);
        Snapshot.Match(run.SingleSource.Text, "RegularizedNet");
    }

    [Fact]
    public void MaxoutAndDropConnectNetworkMatchesItsSnapshot()
    {
        var run = GeneratorHarness.Run(ValidNetworks.MaxoutDropConnect);

        Assert.StartsWith("Demo.MaxoutDropConnectNet.", run.SingleSource.HintName, System.StringComparison.Ordinal);
        Snapshot.Match(run.SingleSource.Text, "MaxoutDropConnectNet");
    }
}

namespace NetGen.Tests.Data;

/// <summary>Tests that read or change NETGEN_MNIST_DIR run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MnistEnvironmentCollection
{
    public const string Name = "MNIST environment";
}

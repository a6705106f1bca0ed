using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A layer name must be a C# identifier: it names a nested class of constants.</summary>
[Network]
[Input(784)]
[Dense(10, Name = "hidden layer")] // expect NG0008
public partial class SpacedNameNet;

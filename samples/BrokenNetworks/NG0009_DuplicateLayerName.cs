using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>Two layers with one name.</summary>
[Network]
[Input(784)]
[Dense(32, Name = "Hidden")]
[Dense(10, Name = "Hidden")] // expect NG0009
public partial class SameNamesNet;

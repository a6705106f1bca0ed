using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A dense layer of no units.</summary>
[Network]
[Input(784)]
[Dense(0)] // expect NG0006
public partial class ZeroUnitsNet;

using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>Padding of 2 around 2×2 windows: some windows would hold only padding.</summary>
[Network]
[Input(1, 8, 8)]
[MaxPool2D(2, Padding = 2)] // expect NG0020
[Flatten]
[Dense(2)]
public partial class OverpaddedPoolNet;

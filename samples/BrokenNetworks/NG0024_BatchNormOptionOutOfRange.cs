using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A momentum of 0 would never move the running statistics from their start.</summary>
[Network]
[Input(8)]
[Dense(4)]
[BatchNorm(Momentum = 0)] // expect NG0024
[Dense(1)]
public partial class FrozenStatisticsNet;

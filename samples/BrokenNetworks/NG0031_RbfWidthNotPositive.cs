using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A width of 0 has no logarithm for the learned log-width to start from.</summary>
[Network]
[Input(2)]
[Rbf(10, Width = 0)] // expect NG0031
[Dense(1)]
public partial class ZeroWidthRbfNet;

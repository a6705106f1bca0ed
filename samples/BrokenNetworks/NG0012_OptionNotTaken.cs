using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A warning: tanh takes no α. The network still generates.</summary>
[Network]
[Input(784)]
[Dense(10, Activation = Activation.Tanh, Alpha = 0.2)] // expect NG0012
public partial class UnusedAlphaNet;

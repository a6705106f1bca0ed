using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A warning: tanh takes no α. The network still generates.</summary>
[Network]
[Input(784)]
[Dense(10, Activation = Activation.Tanh, Alpha = 0.2)] // expect NG0012
public partial class UnusedAlphaNet;

/// <summary>The same warning silenced with #pragma warning disable: the build reports nothing for this one.</summary>
[Network]
[Input(784)]
#pragma warning disable NG0012 // tanh takes no α; the option stays for an experiment with LeakyReLU
[Dense(10, Activation = Activation.Tanh, Alpha = 0.2)]
#pragma warning restore NG0012
public partial class SilencedAlphaNet;

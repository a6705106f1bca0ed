using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>The same warning as UnusedAlphaNet's, silenced with #pragma warning disable: the build reports nothing here.</summary>
[Network]
[Input(784)]
#pragma warning disable NG0012 // tanh takes no α; the option is kept for an experiment with LeakyReLU
[Dense(10, Activation = Activation.Tanh, Alpha = 0.2)]
#pragma warning restore NG0012
public partial class SilencedAlphaNet;

using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A warning: the loss would score the noisy ReLU's noise. The network still generates.</summary>
[Network]
[Input(16)]
[Dense(8, Activation = Activation.NoisyReLU)]
[Dense(2, Activation = Activation.NoisyReLU)] // expect NG0027
public partial class NoisyOutputNet;

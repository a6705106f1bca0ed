using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>α must be a finite number.</summary>
[Network]
[Input(784)]
[Dense(10, Activation = Activation.LeakyReLU, Alpha = double.NaN)] // expect NG0014
public partial class NaNAlphaNet;

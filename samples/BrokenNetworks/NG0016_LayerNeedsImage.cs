using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A convolution over a vector input.</summary>
[Network]
[Input(784)]
[Conv2D(6, Kernel = 5)] // expect NG0016
public partial class ConvolvedVectorNet;

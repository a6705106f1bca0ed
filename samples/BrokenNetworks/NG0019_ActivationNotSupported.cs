using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>Softmax is for dense layers.</summary>
[Network]
[Input(1, 8, 8)]
[Conv2D(4, Activation = Activation.Softmax)] // expect NG0019
[Flatten]
[Dense(2)]
public partial class SoftmaxConvolutionNet;

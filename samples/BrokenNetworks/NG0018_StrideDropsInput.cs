using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A warning: 3×3 windows moved by 3 never reach the last row and column of 28×28. The network still generates.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 28, 28)]
[MaxPool2D(3)] // expect NG0018
[Flatten]
[Dense(10)]
public partial class EdgeDroppingNet;

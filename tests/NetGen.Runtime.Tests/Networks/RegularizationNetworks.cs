using NetGen;

namespace NetGen.Tests.Networks;

/// <summary>Dropout between dense layers, its mask fixed by the training step.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
[Dense(8, Name = "Hidden", Activation = Activation.Tanh)]
[Dropout(0.5, Name = "Drop")]
[Dense(2, Name = "Output")]
public partial class DropoutNet;

/// <summary><see cref="DropoutNet"/> without its dropout layer, with the same parameter layout.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
[Dense(8, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(2, Name = "Output")]
public partial class DropoutFreeNet;

/// <summary>Dropout on a convolution's image output, before pooling.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 6, 6)]
[Conv2D(2, Name = "Conv", Kernel = 3, Padding = 1, Activation = Activation.Sigmoid)]
[Dropout(0.25, Name = "Drop")]
[AvgPool2D(2, Name = "Pool")]
[Flatten]
[Dense(3, Name = "Logits")]
public partial class SpatialDropoutNet;

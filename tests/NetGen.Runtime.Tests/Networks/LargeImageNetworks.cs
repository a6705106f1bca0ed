using NetGen;

namespace NetGen.Tests.Networks;

/// <summary>A CIFAR-shaped network: 32 × 32 colour images, two same-padded convolutions with pooling, dense layers.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(3, 32, 32)]
[Conv2D(32, Name = "First", Kernel = 3, Padding = 1, Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "FirstPool")]
[Conv2D(64, Name = "Second", Kernel = 3, Padding = 1, Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "SecondPool")]
[Flatten]
[Dense(128, Name = "Hidden", Activation = Activation.ReLU)]
[Dense(10, Name = "Logits")]
public partial class CifarShapedNet;

/// <summary>A 224 × 224 image through a same-padded 3 × 3 convolution: 50,176 product rows a sample.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(3, 224, 224)]
[Conv2D(16, Name = "Same", Kernel = 3, Padding = 1, Activation = Activation.ReLU)]
[MaxPool2D(8, Name = "Pool")]
[Flatten]
[Dense(10, Name = "Logits")]
public partial class Image224Net;

using NetGen;

namespace NetGen.CudaEmulation.Tests.Networks;

/// <summary>
/// A 224 × 224 image through a same-padded 3 × 3 convolution: batch × 50,176 positions of product rows, which put past
/// 65,535 blocks on a grid's y or z from a batch of 84. Launch metadata only; too large to emulate.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(3, 224, 224)]
[Conv2D(16, Name = "Same", Kernel = 3, Padding = 1, Activation = Activation.ReLU)]
[MaxPool2D(4, Name = "Pool")]
[Conv2D(8, Name = "Reduce", Kernel = 3, Stride = 2, Padding = 1, Activation = Activation.ReLU)]
[Flatten]
[Dense(10, Name = "Logits")]
public partial class Same224Net;

/// <summary>An ImageNet-style stem: a 7 × 7 convolution of stride 2 over 224 × 224, then 3 × 3 max pooling of stride 2.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(3, 224, 224)]
[Conv2D(64, Name = "Stem", Kernel = 7, Stride = 2, Padding = 3, Activation = Activation.ReLU)]
[MaxPool2D(3, Name = "Pool", Stride = 2, Padding = 1)]
[Conv2D(64, Name = "Block", Kernel = 3, Padding = 1, Activation = Activation.ReLU)]
[AvgPool2D(56, Name = "Global")]
[Flatten]
[Dense(1000, Name = "Logits")]
public partial class ImageNetStemNet;

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
public partial class CifarNet;

using NetGen;

namespace NetGen.Samples.Mnist;

/// <summary>A multilayer perceptron for 28×28 digits: 784 → 128 (ReLU) → 10 logits.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(784)]
[Dense(128, Name = "Hidden", Activation = Activation.ReLU)]
[Dense(10, Name = "Logits")]
public partial class MnistMlp;

/// <summary>LeNet-5 (LeCun et al., 1998) with ReLU and max pooling, as commonly trained today.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 28, 28)]
[Conv2D(6, Name = "Conv1", Kernel = 5, Padding = 2, Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool1")]
[Conv2D(16, Name = "Conv2", Kernel = 5, Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool2")]
[Flatten]
[Dense(120, Name = "Full1", Activation = Activation.ReLU)]
[Dense(84, Name = "Full2", Activation = Activation.ReLU)]
[Dense(10, Name = "Logits")]
public partial class LeNet5;

/// <summary>
/// A LeNet-like network regularized with batch normalisation after every convolution and hidden dense layer, and
/// dropout before the logits. The convolutions and the hidden layer have no bias: the normalisation's β replaces it.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 28, 28)]
[Conv2D(32, Name = "Conv1", Kernel = 5, Padding = 2, Bias = false)]
[BatchNorm(Name = "Norm1", Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool1")]
[Conv2D(64, Name = "Conv2", Kernel = 5, Bias = false)]
[BatchNorm(Name = "Norm2", Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool2")]
[Flatten]
[Dense(256, Name = "Full", Bias = false)]
[BatchNorm(Name = "Norm3", Activation = Activation.ReLU)]
[Dropout(0.5, Name = "Drop")]
[Dense(10, Name = "Logits")]
public partial class RegularizedLeNet;

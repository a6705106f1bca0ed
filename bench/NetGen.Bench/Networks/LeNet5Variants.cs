using NetGen;

namespace NetGen.Bench.Networks;

// LeNet-5 (as in the MNIST sample) with the regularization layers added one kind at a time, to measure what each costs
// per training step. Batch normalisation goes between each convolution or hidden dense layer and its ReLU; dropout
// follows each hidden dense layer. bench/peers/pytorch_mnist.py declares the same variants.

/// <summary>LeNet-5 with dropout (rate 0.5) after both hidden dense layers.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 28, 28)]
[Conv2D(6, Name = "Conv1", Kernel = 5, Padding = 2, Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool1")]
[Conv2D(16, Name = "Conv2", Kernel = 5, Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool2")]
[Flatten]
[Dense(120, Name = "Full1", Activation = Activation.ReLU)]
[Dropout(0.5, Name = "Drop1")]
[Dense(84, Name = "Full2", Activation = Activation.ReLU)]
[Dropout(0.5, Name = "Drop2")]
[Dense(10, Name = "Logits")]
public partial class LeNet5Dropout;

/// <summary>LeNet-5 with batch normalisation before each of its four ReLUs.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 28, 28)]
[Conv2D(6, Name = "Conv1", Kernel = 5, Padding = 2)]
[BatchNorm(Name = "Norm1", Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool1")]
[Conv2D(16, Name = "Conv2", Kernel = 5)]
[BatchNorm(Name = "Norm2", Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool2")]
[Flatten]
[Dense(120, Name = "Full1")]
[BatchNorm(Name = "Norm3", Activation = Activation.ReLU)]
[Dense(84, Name = "Full2")]
[BatchNorm(Name = "Norm4", Activation = Activation.ReLU)]
[Dense(10, Name = "Logits")]
public partial class LeNet5BatchNorm;

/// <summary>LeNet-5 with both: batch normalisation before each ReLU, dropout after both hidden dense layers.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 28, 28)]
[Conv2D(6, Name = "Conv1", Kernel = 5, Padding = 2)]
[BatchNorm(Name = "Norm1", Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool1")]
[Conv2D(16, Name = "Conv2", Kernel = 5)]
[BatchNorm(Name = "Norm2", Activation = Activation.ReLU)]
[MaxPool2D(2, Name = "Pool2")]
[Flatten]
[Dense(120, Name = "Full1")]
[BatchNorm(Name = "Norm3", Activation = Activation.ReLU)]
[Dropout(0.5, Name = "Drop1")]
[Dense(84, Name = "Full2")]
[BatchNorm(Name = "Norm4", Activation = Activation.ReLU)]
[Dropout(0.5, Name = "Drop2")]
[Dense(10, Name = "Logits")]
public partial class LeNet5BatchNormDropout;

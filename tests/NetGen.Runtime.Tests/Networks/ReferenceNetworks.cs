using NetGen;

namespace NetGen.Tests.Networks;

/// <summary>XOR, as in the sample.</summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(4, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(1, Name = "Output", Activation = Activation.Sigmoid)]
public partial class XorNet;

/// <summary>The 784-16-16-10 sigmoid network of the digits lecture: 13,002 parameters.</summary>
[Network]
[Input(784)]
[Dense(16, Activation = Activation.Sigmoid)]
[Dense(16, Activation = Activation.Sigmoid)]
[Dense(10, Activation = Activation.Sigmoid)]
public partial class DigitsSigmoidNet;

/// <summary>The two-layer network of the NumPy walk-through: 1000 → 100 (ReLU) → 10, no biases, N(0, 1) weights, summed squared error.</summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(1000)]
[Dense(100, Name = "Hidden", Activation = Activation.ReLU, Bias = false, Initializer = Initializer.Normal)]
[Dense(10, Name = "Output", Bias = false, Initializer = Initializer.Normal)]
public partial class TwoLayerNumPyNet;

/// <summary>The MNIST multilayer perceptron: 784 → 128 (ReLU) → 10.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(784)]
[Dense(128, Name = "Hidden", Activation = Activation.ReLU)]
[Dense(10, Name = "Logits")]
public partial class MnistMlp;

/// <summary>Linear regression, y = w·x + b: one input, one linear output.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(1)]
[Dense(1, Name = "Line")]
public partial class LinearRegressionNet;

/// <summary>LeNet-5 with ReLU and max pooling.</summary>
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

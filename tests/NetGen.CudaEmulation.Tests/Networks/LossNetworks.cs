using NetGen;

namespace NetGen.CudaEmulation.Tests.Networks;

// Every loss with the reduction the other networks do not already cover: squared error is averaged by the activation
// networks, binary cross-entropy by XorNet and softmax cross-entropy by MnistMlp and LeNet5.

/// <summary>Summed squared error; also run at batch 1025, where dense weight gradients take two split-k splits.</summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(4)]
[Dense(9, Name = "Hidden", Activation = Activation.Sigmoid)]
[Dense(2, Name = "Output")]
public partial class SummedSquaredErrorNet;

[Network(Loss = Loss.MeanAbsoluteError)]
[Input(4)]
[Dense(70, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(3, Name = "Output")]
public partial class AbsoluteErrorNet;

/// <summary>Summed absolute error over three dense layers without biases in two of them, a matrix input flattened first.</summary>
[Network(Loss = Loss.MeanAbsoluteError, Reduction = LossReduction.Sum)]
[Input(2, 3)]
[Flatten]
[Dense(70, Name = "First", Activation = Activation.Tanh, Bias = false)]
[Dense(9, Name = "Second", Activation = Activation.Sigmoid)]
[Dense(3, Name = "Output", Bias = false)]
public partial class DeepFlattenNet;

[Network(Loss = Loss.BinaryCrossEntropy, Reduction = LossReduction.Sum)]
[Input(4)]
[Dense(70, Name = "Hidden", Activation = Activation.ReLU)]
[Dense(3, Name = "Output", Activation = Activation.Sigmoid)]
public partial class SummedBinaryCrossEntropyNet;

[Network(Loss = Loss.SoftmaxCrossEntropy, Reduction = LossReduction.Sum)]
[Input(4)]
[Dense(130, Name = "Hidden", Activation = Activation.ELU)]
[Dense(5, Name = "Logits")]
public partial class SummedSoftmaxCrossEntropyNet;

/// <summary>Rosenblatt's perceptrons: δ = y − t passed through the step, below a tanh layer that the rule reaches too.</summary>
[Network(Loss = Loss.Perceptron)]
[Input(4)]
[Dense(9, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(3, Name = "Output", Activation = Activation.BinaryStep)]
public partial class PerceptronNet;

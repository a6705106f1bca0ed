using NetGen;

namespace NetGen.Tests.Networks;

[Network(Loss = Loss.MeanAbsoluteError)]
[Input(3)]
[Dense(5, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(2, Name = "Output")]
public partial class AbsoluteErrorNet;

[Network(Loss = Loss.BinaryCrossEntropy)]
[Input(3)]
[Dense(5, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(2, Name = "Output", Activation = Activation.Sigmoid)]
public partial class BinaryCrossEntropyNet;

[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(3)]
[Dense(5, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(4, Name = "Logits")]
public partial class SoftmaxCrossEntropyNet;

[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(3)]
[Dense(5, Name = "Hidden", Activation = Activation.Sigmoid)]
[Dense(2, Name = "Output")]
public partial class SummedSquaredErrorNet;

/// <summary>Three dense layers, no biases, a matrix input flattened first.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(2, 3)]
[Flatten]
[Dense(5, Name = "First", Activation = Activation.Tanh, Bias = false)]
[Dense(4, Name = "Second", Activation = Activation.Sigmoid)]
[Dense(3, Name = "Logits", Bias = false)]
public partial class DeepFlattenNet;

/// <summary>Two perceptrons side by side, trained by Rosenblatt's rule.</summary>
[Network(Loss = Loss.Perceptron)]
[Input(3)]
[Dense(2, Name = "Unit", Activation = Activation.BinaryStep)]
public partial class PerceptronNet;

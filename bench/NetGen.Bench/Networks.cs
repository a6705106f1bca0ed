using NetGen;

namespace NetGen.Bench;

/// <summary>The MNIST multilayer perceptron, 784 → 128 (ReLU) → 10, trained with softmax cross-entropy.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(784)]
[Dense(128, Name = "Hidden", Activation = Activation.ReLU)]
[Dense(10, Name = "Logits")]
public partial class MnistMlp;

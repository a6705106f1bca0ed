using NetGen;

namespace NetGen.Samples.Search;

/// <summary>The MNIST multilayer perceptron whose training hyper-parameters the sample searches: 784 → 128 (ReLU) → 10 logits.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(784)]
[Dense(128, Name = "Hidden", Activation = Activation.ReLU)]
[Dense(10, Name = "Logits")]
public partial class DigitsMlp;

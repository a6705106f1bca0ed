using NetGen;

namespace NetGen.Samples.Classics.Regression;

/// <summary>Logistic regression: p(class 1 | x) = σ(w·x + b), trained on binary cross-entropy. Its boundary is w·x + b = 0.</summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(1, Name = "Boundary", Activation = Activation.Sigmoid)]
public partial class LogisticModel;

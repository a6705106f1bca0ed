using NetGen;

namespace NetGen.Samples.Classics.Perceptron;

/// <summary>
/// Rosenblatt's perceptron: y = step(w·x + b), trained by w ← w + η(t − y)x, b ← b + η(t − y), which is what the
/// perceptron loss makes of plain SGD with batch 1.
/// </summary>
[Network(Loss = Loss.Perceptron)]
[Input(2)]
[Dense(1, Name = "Unit", Activation = Activation.BinaryStep)]
public partial class PerceptronUnit;

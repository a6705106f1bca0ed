using NetGen;

namespace NetGen.Samples.VanishingGradient;

/// <summary>
/// Eight sigmoid layers of 32 units: the sigmoid's derivative is at most 1/4, so the gradient that reaches a layer
/// shrinks by a factor at each layer above it.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(SyntheticTask.InputSize)]
[Dense(32, Name = "Hidden1", Activation = Activation.Sigmoid)]
[Dense(32, Name = "Hidden2", Activation = Activation.Sigmoid)]
[Dense(32, Name = "Hidden3", Activation = Activation.Sigmoid)]
[Dense(32, Name = "Hidden4", Activation = Activation.Sigmoid)]
[Dense(32, Name = "Hidden5", Activation = Activation.Sigmoid)]
[Dense(32, Name = "Hidden6", Activation = Activation.Sigmoid)]
[Dense(32, Name = "Hidden7", Activation = Activation.Sigmoid)]
[Dense(32, Name = "Hidden8", Activation = Activation.Sigmoid)]
[Dense(SyntheticTask.Classes, Name = "Logits")]
public partial class DeepSigmoidStack;

/// <summary>The same stack with ReLU, whose derivative is 1 wherever a unit is active, and He initialisation to match.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(SyntheticTask.InputSize)]
[Dense(32, Name = "Hidden1", Activation = Activation.ReLU)]
[Dense(32, Name = "Hidden2", Activation = Activation.ReLU)]
[Dense(32, Name = "Hidden3", Activation = Activation.ReLU)]
[Dense(32, Name = "Hidden4", Activation = Activation.ReLU)]
[Dense(32, Name = "Hidden5", Activation = Activation.ReLU)]
[Dense(32, Name = "Hidden6", Activation = Activation.ReLU)]
[Dense(32, Name = "Hidden7", Activation = Activation.ReLU)]
[Dense(32, Name = "Hidden8", Activation = Activation.ReLU)]
[Dense(SyntheticTask.Classes, Name = "Logits")]
public partial class DeepReluStack;

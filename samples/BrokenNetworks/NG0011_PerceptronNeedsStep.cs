using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>Rosenblatt's rule passes y − t through a binary step: the perceptron loss on a sigmoid output is refused.</summary>
[Network(Loss = Loss.Perceptron)]
[Input(2)]
[Dense(1, Activation = Activation.Sigmoid)] // expect NG0011
public partial class SigmoidPerceptron;

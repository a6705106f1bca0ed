using NetGen;

namespace NetGen.Samples.Xor;

/// <summary>The classic 2-4-1 network that learns exclusive or, which no single perceptron can.</summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(4, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(1, Name = "Output", Activation = Activation.Sigmoid)]
public partial class XorNet;

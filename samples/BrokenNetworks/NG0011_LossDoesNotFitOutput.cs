using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>Softmax cross-entropy applies softmax itself: the output layer must be linear.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(784)]
[Dense(10, Activation = Activation.Softmax)] // expect NG0011
public partial class DoubleSoftmaxNet;

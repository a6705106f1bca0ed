using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>A dense layer straight after an image input, without [Flatten].</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 28, 28)]
[Dense(10)] // expect NG0010
public partial class UnflattenedNet;

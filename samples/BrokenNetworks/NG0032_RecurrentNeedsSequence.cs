using NetGen;

namespace NetGen.Samples.BrokenNetworks;

/// <summary>Without Sequence = true a 28×28 input is a one-channel image, which an LSTM cannot step through.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(28, 28)]
[Lstm(64)] // expect NG0032
[Dense(10)]
public partial class ImageIntoLstmNet;

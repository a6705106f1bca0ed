using NetGen;

namespace NetGen.Tests.Networks;

/// <summary>Maxout between a tanh layer and a linear output: δ routed to the winning pieces, then into tanh's derivative below.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
[Dense(6, Name = "Hidden", Activation = Activation.Tanh)]
[Maxout(3, 3, Name = "Max")]
[Dense(2, Name = "Output")]
public partial class MaxoutNet;

/// <summary>Maxout as the output layer, without bias, its outputs the logits of softmax cross-entropy.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(5)]
[Maxout(3, 2, Name = "Logits", Bias = false)]
public partial class MaxoutLogitsNet;

/// <summary>A maxout layer alone, 2 inputs into 2 units of 2 pieces, under summed squared error: small enough to compute by hand.</summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(2)]
[Maxout(2, 2, Name = "Max")]
public partial class MaxoutOnlyNet;

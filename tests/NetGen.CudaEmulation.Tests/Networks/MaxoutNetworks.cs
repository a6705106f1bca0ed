using NetGen;

namespace NetGen.CudaEmulation.Tests.Networks;

/// <summary>
/// Maxout of 20 units × 3 pieces on a ReLU layer of 130 units (the ReLU derivative fused into maxout's δ-below product),
/// under a sigmoid output.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(6)]
[Dense(130, Name = "Hidden", Activation = Activation.ReLU)]
[Maxout(20, 3, Name = "Max")]
[Dense(3, Name = "Output", Activation = Activation.Sigmoid)]
public partial class MaxoutNet;

/// <summary>
/// Maxout as the first layer after a flattened image (nothing below it needs δ) into maxout as the bias-free logits of
/// softmax cross-entropy (the loss writes maxout's δ), 70 units of 2 pieces then 4 of 5.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(2, 3, 3)]
[Flatten]
[Maxout(70, 2, Name = "Hidden")]
[Maxout(4, 5, Name = "Logits", Bias = false)]
public partial class MaxoutStackNet;

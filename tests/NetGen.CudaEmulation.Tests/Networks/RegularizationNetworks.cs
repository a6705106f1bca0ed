using NetGen;

namespace NetGen.CudaEmulation.Tests.Networks;

/// <summary>
/// Dropout after a ReLU layer (its derivative fused into dropout's δ-below kernel) and before a sigmoid output; 130 units
/// are not a multiple of the four values one Philox draw covers.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(6)]
[Dense(130, Name = "Hidden", Activation = Activation.ReLU)]
[Dropout(0.3, Name = "Drop")]
[Dense(3, Name = "Output", Activation = Activation.Sigmoid)]
public partial class DropoutNet;

/// <summary>Dropout on a convolution's output image and again on a flattened vector, two streams of one network.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(2, 8, 8)]
[Conv2D(3, Name = "Conv", Kernel = 3, Padding = 1, Activation = Activation.Tanh)]
[Dropout(0.5, Name = "SpatialDrop")]
[MaxPool2D(2, Name = "Pool")]
[Flatten]
[Dropout(0.2, Name = "VectorDrop")]
[Dense(4, Name = "Logits")]
public partial class SpatialDropoutNet;

/// <summary>Batch normalisation of 130 dense features with ReLU after it, its δ below fused with nothing (a linear layer).</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(6)]
[Dense(130, Name = "Hidden")]
[BatchNorm(Name = "Norm", Activation = Activation.ReLU)]
[Dense(3, Name = "Output", Activation = Activation.Sigmoid)]
public partial class BatchNormNet;

/// <summary>
/// Batch normalisation per channel over a convolution's positions (the convolution's ReLU derivative fused into its δ
/// below), then per feature over a flattened vector.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(2, 8, 8)]
[Conv2D(4, Name = "Conv", Kernel = 3, Padding = 1, Activation = Activation.ReLU)]
[BatchNorm(Name = "ChannelNorm", Momentum = 0.2, Activation = Activation.Tanh)]
[MaxPool2D(2, Name = "Pool")]
[Flatten]
[BatchNorm(Name = "FeatureNorm")]
[Dense(4, Name = "Logits")]
public partial class SpatialBatchNormNet;

/// <summary>
/// DropConnect on a ReLU layer of 130 units over 7 inputs (910 weights, not a multiple of the four values one Philox draw
/// covers) and on a sigmoid output, whose δ below is read through its masked weights with the ReLU derivative fused.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(7)]
[Dense(130, Name = "Hidden", Activation = Activation.ReLU, DropConnect = 0.3)]
[Dense(3, Name = "Output", Activation = Activation.Sigmoid, DropConnect = 0.5)]
public partial class DropConnectNet;

/// <summary>DropConnect through the dense layer's other forward paths, PReLU without bias and softmax, above a tanh layer without it.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(9, Name = "First", Activation = Activation.Tanh)]
[Dense(6, Name = "Hidden", Activation = Activation.PReLU, Bias = false, DropConnect = 0.25)]
[Dense(3, Name = "Output", Activation = Activation.Softmax, DropConnect = 0.4)]
public partial class DropConnectSoftmaxNet;

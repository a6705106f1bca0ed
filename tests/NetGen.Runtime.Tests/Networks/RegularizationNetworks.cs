using NetGen;

namespace NetGen.Tests.Networks;

/// <summary>Dropout between dense layers, its mask fixed by the training step.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
[Dense(8, Name = "Hidden", Activation = Activation.Tanh)]
[Dropout(0.5, Name = "Drop")]
[Dense(2, Name = "Output")]
public partial class DropoutNet;

/// <summary><see cref="DropoutNet"/> without its dropout layer, with the same parameter layout.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
[Dense(8, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(2, Name = "Output")]
public partial class DropoutFreeNet;

/// <summary>Dropout on a convolution's image output, before pooling.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 6, 6)]
[Conv2D(2, Name = "Conv", Kernel = 3, Padding = 1, Activation = Activation.Sigmoid)]
[Dropout(0.25, Name = "Drop")]
[AvgPool2D(2, Name = "Pool")]
[Flatten]
[Dense(3, Name = "Logits")]
public partial class SpatialDropoutNet;

/// <summary>Batch normalisation of a dense layer's outputs, per feature, with tanh after it.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(6, Name = "Hidden")]
[BatchNorm(Name = "Norm", Activation = Activation.Tanh)]
[Dense(2, Name = "Output")]
public partial class BatchNormNet;

/// <summary>Batch normalisation of a convolution's channels, over their positions, with ReLU after it.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(2, 4, 4)]
[Conv2D(3, Name = "Conv", Kernel = 3, Padding = 1)]
[BatchNorm(Name = "Norm", Momentum = 0.3, Activation = Activation.ELU)]
[Flatten]
[Dense(3, Name = "Logits")]
public partial class SpatialBatchNormNet;

/// <summary>A batch-normalisation layer alone (PyTorch's BatchNorm1d(5) with its defaults), under summed squared error.</summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(5)]
[BatchNorm(Name = "Norm")]
public partial class BatchNormOnlyNet;

/// <summary>DropConnect on a tanh layer and on the linear output: masked weights forward, a masked ∂L/∂W, δ below through the masked weights.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
[Dense(8, Name = "Hidden", Activation = Activation.Tanh, DropConnect = 0.5)]
[Dense(2, Name = "Output", DropConnect = 0.25)]
public partial class DropConnectNet;

/// <summary><see cref="DropConnectNet"/> without DropConnect, with the same parameter layout.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
[Dense(8, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(2, Name = "Output")]
public partial class DropConnectFreeNet;

/// <summary>DropConnect through the dense layer's other forward paths: PReLU without bias, and softmax.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(6, Name = "Hidden", Activation = Activation.PReLU, Bias = false, DropConnect = 0.3)]
[Dense(3, Name = "Output", Activation = Activation.Softmax, DropConnect = 0.4)]
public partial class DropConnectSoftmaxNet;

/// <summary>
/// Batch normalisation and dropout in one network, as PyTorch's Linear → BatchNorm1d → ReLU → Dropout → Linear under
/// cross-entropy: Reference/pytorch_regularized_network.py trains the same network with the same masks. The hidden layer
/// has no bias: batch normalisation cancels it, so its gradient would be rounding noise, which Adam's step amplifies to ±η.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(6)]
[Dense(8, Name = "Hidden", Bias = false)]
[BatchNorm(Name = "Norm", Activation = Activation.ReLU)]
[Dropout(0.3, Name = "Drop")]
[Dense(3, Name = "Logits")]
public partial class BatchNormDropoutNet;

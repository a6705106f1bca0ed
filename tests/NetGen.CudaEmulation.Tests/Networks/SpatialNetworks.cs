using NetGen;

namespace NetGen.CudaEmulation.Tests.Networks;

/// <summary>
/// A convolution with stride 2 and padding 1 straight into a second convolution (the transposed-convolution δ with ELU's
/// derivative fused), then overlapping padded max pooling (3 × 3, stride 2, padding 1) and a dense layer on its flattened output.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(2, 9, 9)]
[Conv2D(4, Name = "Strided", Kernel = 3, Stride = 2, Padding = 1, Activation = Activation.ELU)]
[Conv2D(3, Name = "Same", Kernel = 3, Padding = 1, Activation = Activation.Sigmoid)]
[MaxPool2D(3, Name = "Pool", Stride = 2, Padding = 1)]
[Flatten]
[Dense(5, Name = "Logits")]
public partial class StridedConvMaxPoolNet;

/// <summary>
/// Average pooling as the first layer (nothing below it is trained), a bias-free convolution, overlapping padded average
/// pooling, a 1 × 1 convolution and a dense output.
/// </summary>
[Network(Loss = Loss.MeanSquaredError, Reduction = LossReduction.Sum)]
[Input(1, 10, 10)]
[AvgPool2D(2, Name = "Shrink")]
[Conv2D(3, Name = "Smooth", Kernel = 3, Padding = 1, Activation = Activation.SoftPlus, Bias = false)]
[AvgPool2D(3, Name = "Blur", Stride = 2, Padding = 1)]
[Conv2D(2, Name = "Mix", Kernel = 1, Activation = Activation.LeakyReLU)]
[Flatten]
[Dense(4, Name = "Output", Activation = Activation.Sigmoid)]
public partial class AvgPoolNet;

/// <summary>A linear convolution (no separate z) into max pooling into average pooling (pool below pool), then PReLU outputs.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(3, 8, 8)]
[Conv2D(4, Name = "Linear", Kernel = 3)]
[MaxPool2D(2, Name = "Max")]
[AvgPool2D(3, Name = "Average")]
[Flatten]
[Dense(3, Name = "Output", Activation = Activation.PReLU)]
public partial class PoolStackNet;

/// <summary>
/// Reshapes between compute layers, so δ flows through views: a vector seen as a one-channel matrix, a convolution's
/// output regrouped into other channels before pooling, and the pooled image seen as a vector.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(48)]
[Reshape(6, 8, Name = "Matrix")]
[Conv2D(4, Name = "Conv", Kernel = 3, Padding = 1, Activation = Activation.ReLU)]
[Reshape(8, 4, 6, Name = "Regrouped")]
[MaxPool2D(2, Name = "Pool")]
[Reshape(48, Name = "Features")]
[Dense(5, Name = "Logits")]
public partial class ReshapeNet;

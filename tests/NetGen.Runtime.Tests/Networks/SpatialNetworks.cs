using NetGen;

namespace NetGen.Tests.Networks;

/// <summary>Convolution (stride 1, padding 2, several channels) into max pooling.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(2, 6, 6)]
[Conv2D(3, Name = "Conv", Kernel = 3, Padding = 2, Activation = Activation.Tanh)]
[MaxPool2D(2, Name = "Pool")]
[Flatten]
[Dense(4, Name = "Logits")]
public partial class ConvMaxPoolNet;

/// <summary>A strided convolution without bias, overlapping padded average pooling, and a second convolution.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(1, 9, 9)]
[Conv2D(2, Name = "Strided", Kernel = 3, Stride = 2, Padding = 1, Activation = Activation.SoftPlus, Bias = false)]
[AvgPool2D(3, Name = "Smooth", Stride = 2, Padding = 1)]
[Conv2D(3, Name = "Mix", Kernel = 1, Activation = Activation.Sigmoid)]
[Flatten]
[Dense(2, Name = "Output")]
public partial class StridedAvgPoolNet;

/// <summary>Reshapes: a vector viewed as an image for a convolution, the convolution's output viewed as a vector for the dense layer.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(12)]
[Reshape(3, 2, 2, Name = "Grid")]
[Conv2D(4, Name = "Conv", Kernel = 2, Padding = 1, Activation = Activation.Tanh)]
[Reshape(36, Name = "Row")]
[Dense(2, Name = "Output")]
public partial class ReshapeNet;

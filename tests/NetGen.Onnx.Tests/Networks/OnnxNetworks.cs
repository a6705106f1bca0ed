using NetGen;

namespace NetGen.Onnx.Tests.Networks;

// Shapes the runtime tests' networks do not reach: a matrix input where ONNX needs a channel, padded max pooling, and
// batch normalisation of a matrix (one channel over its positions).

[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(6, 6)]
[Conv2D(3, Name = "Conv", Kernel = 3, Padding = 1, Activation = Activation.LeakyReLU, Alpha = 0.1)]
[MaxPool2D(3, Name = "Pool", Stride = 2, Padding = 1)]
[Flatten]
[Dense(4, Name = "Logits")]
public partial class MatrixConvNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(4, 5)]
[BatchNorm(Name = "Norm", Epsilon = 1e-3, Activation = Activation.Sigmoid)]
[AvgPool2D(2, Name = "Pool", Stride = 1)]
[Reshape(3, 4, Name = "Rows")]
[BatchNorm(Name = "RowNorm", Activation = Activation.SoftPlus)]
[Flatten]
[Dense(2, Name = "Output", Activation = Activation.BinaryStep)]
public partial class MatrixBatchNormNet;

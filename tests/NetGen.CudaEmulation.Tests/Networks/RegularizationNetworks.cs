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

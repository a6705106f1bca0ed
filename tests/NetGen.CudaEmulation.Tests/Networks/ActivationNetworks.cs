using NetGen;

namespace NetGen.CudaEmulation.Tests.Networks;

// One small network per activation, the activation in a hidden layer (its derivative fused into the δ-below product's
// epilogue, or softmax/PReLU's own kernel) and in the output layer (fused into the loss kernel). Hidden widths of 70 and
// 130 are not multiples of the 64-wide tile, so every product has a partial tile.

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(70, Name = "Hidden", Activation = Activation.Identity)]
[Dense(3, Name = "Output", Activation = Activation.Identity)]
public partial class IdentityNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(70, Name = "Hidden", Activation = Activation.BinaryStep)]
[Dense(3, Name = "Output", Activation = Activation.BinaryStep)]
public partial class BinaryStepNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(130, Name = "Hidden", Activation = Activation.Sigmoid)]
[Dense(3, Name = "Output", Activation = Activation.Sigmoid)]
public partial class SigmoidNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(70, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(3, Name = "Output", Activation = Activation.Tanh)]
public partial class TanhNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(70, Name = "Hidden", Activation = Activation.ArcTan)]
[Dense(3, Name = "Output", Activation = Activation.ArcTan)]
public partial class ArcTanNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(130, Name = "Hidden", Activation = Activation.ReLU)]
[Dense(3, Name = "Output", Activation = Activation.ReLU)]
public partial class ReluNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(70, Name = "Hidden", Activation = Activation.LeakyReLU, Alpha = 0.2)]
[Dense(3, Name = "Output", Activation = Activation.LeakyReLU)]
public partial class LeakyReluNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(130, Name = "Hidden", Activation = Activation.PReLU)]
[Dense(3, Name = "Output", Activation = Activation.PReLU, Alpha = 0.1)]
public partial class PReluNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(70, Name = "Hidden", Activation = Activation.ELU)]
[Dense(3, Name = "Output", Activation = Activation.ELU, Alpha = 0.5)]
public partial class EluNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(70, Name = "Hidden", Activation = Activation.SoftPlus)]
[Dense(3, Name = "Output", Activation = Activation.SoftPlus)]
public partial class SoftPlusNet;

/// <summary>Softmax in a hidden layer and at the output, trained on squared error (so softmax's own backward kernel runs).</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(70, Name = "Hidden", Activation = Activation.Softmax)]
[Dense(3, Name = "Output", Activation = Activation.Softmax)]
public partial class SoftmaxNet;

/// <summary>
/// Noisy ReLU in a hidden layer (its derivative, read from z and a, fused into the δ-below product) and at the output (fused
/// into the loss kernel; the project file silences NG0027, which warns about that). 130 units are not a multiple of the four
/// values one Philox call covers.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(5)]
[Dense(130, Name = "Hidden", Activation = Activation.NoisyReLU)]
[Dense(3, Name = "Output", Activation = Activation.NoisyReLU)]
public partial class NoisyReluNet;

/// <summary>
/// Noisy ReLU on a convolution's image (its derivative fused into batch normalisation's δ below) and after a batch
/// normalisation (fused into the dense layer's δ below), two streams of one network.
/// </summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(2, 6, 6)]
[Conv2D(3, Name = "Conv", Kernel = 3, Padding = 1, Activation = Activation.NoisyReLU)]
[BatchNorm(Name = "Norm", Activation = Activation.NoisyReLU)]
[Flatten]
[Dense(4, Name = "Logits")]
public partial class SpatialNoisyReluNet;

using NetGen;

namespace NetGen.Tests.Networks;

// One small network per activation: the activation sits in the hidden layer, where the gradient
// check sees both its derivative and the product that feeds it.

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.Identity)]
[Dense(2, Name = "Output")]
public partial class IdentityNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.BinaryStep)]
[Dense(2, Name = "Output")]
public partial class BinaryStepNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.Sigmoid)]
[Dense(2, Name = "Output", Activation = Activation.Sigmoid)]
public partial class SigmoidNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.Tanh)]
[Dense(2, Name = "Output", Activation = Activation.Tanh)]
public partial class TanhNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.ArcTan)]
[Dense(2, Name = "Output", Activation = Activation.ArcTan)]
public partial class ArcTanNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.ReLU)]
[Dense(2, Name = "Output", Activation = Activation.ReLU)]
public partial class ReluNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.LeakyReLU, Alpha = 0.2)]
[Dense(2, Name = "Output", Activation = Activation.LeakyReLU)]
public partial class LeakyReluNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.PReLU)]
[Dense(2, Name = "Output", Activation = Activation.PReLU, Alpha = 0.1)]
public partial class PReluNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.ELU)]
[Dense(2, Name = "Output", Activation = Activation.ELU, Alpha = 0.5)]
public partial class EluNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.SoftPlus)]
[Dense(2, Name = "Output", Activation = Activation.SoftPlus)]
public partial class SoftPlusNet;

[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.Softmax)]
[Dense(3, Name = "Output", Activation = Activation.Softmax)]
public partial class SoftmaxNet;

/// <summary>Noisy ReLU in a hidden layer: the gradient check runs in training mode at one step, so the noise is fixed.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.NoisyReLU)]
[Dense(2, Name = "Output")]
public partial class NoisyReluNet;

/// <summary><see cref="NoisyReluNet"/> with plain ReLU, the same parameter layout.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Name = "Hidden", Activation = Activation.ReLU)]
[Dense(2, Name = "Output")]
public partial class NoiselessReluNet;

/// <summary>Noisy ReLU on a convolution's image and after a batch normalisation: one pass after the forward adds the noise to each.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
[Input(1, 4, 4)]
[Conv2D(2, Name = "Conv", Kernel = 3, Padding = 1, Activation = Activation.NoisyReLU)]
[Flatten]
[Dense(5, Name = "Hidden")]
[BatchNorm(Name = "Norm", Activation = Activation.NoisyReLU)]
[Dense(3, Name = "Logits")]
public partial class SpatialNoisyReluNet;

/// <summary>
/// One noisy ReLU unit read out unchanged: with Noisy.Weight = 1, Noisy.Bias = 0, Readout.Weight = 1 and Readout.Bias = 0 the
/// output is a = f(x), each sample of a batch its own element of the layer's random stream.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(1)]
[Dense(1, Name = "Noisy", Activation = Activation.NoisyReLU)]
[Dense(1, Name = "Readout")]
public partial class NoisyReluProbeNet;

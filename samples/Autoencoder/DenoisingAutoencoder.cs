using NetGen;

namespace NetGen.Samples.Autoencoder;

/// <summary>
/// A denoising autoencoder for 28×28 digits: 784 → 128 (ReLU) → 784 (sigmoid), trained with binary cross-entropy to give
/// back the clean image of a noisy one.
/// </summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
[Input(784)]
[Dense(128, Name = "Encoder", Activation = Activation.ReLU)]
[Dense(784, Name = "Decoder", Activation = Activation.Sigmoid)]
public partial class DenoisingAutoencoder;

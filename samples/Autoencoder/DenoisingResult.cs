namespace NetGen.Samples.Autoencoder;

/// <summary>What a trained denoising autoencoder does to held-out digits.</summary>
/// <param name="History">The training epochs.</param>
/// <param name="NoisyError">The mean squared error per pixel of the noisy held-out images against the clean ones.</param>
/// <param name="ReconstructionError">The mean squared error per pixel of the network's reconstructions of the noisy images against the clean ones.</param>
/// <param name="Clean">The first held-out images, clean, one after another.</param>
/// <param name="Noisy">The same images with noise, as the network saw them.</param>
/// <param name="Reconstructed">The network's outputs for them.</param>
internal sealed record DenoisingResult(
    TrainingHistory History,
    double NoisyError,
    double ReconstructionError,
    float[] Clean,
    float[] Noisy,
    float[] Reconstructed);

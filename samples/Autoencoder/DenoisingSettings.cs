namespace NetGen.Samples.Autoencoder;

/// <summary>How the sample trains and what it shows.</summary>
/// <param name="TrainingImages">The first this many MNIST training images are trained on.</param>
/// <param name="Epochs">Passes over them.</param>
/// <param name="NoiseStandardDeviation">The Gaussian noise on the inputs; the targets are the clean images.</param>
/// <param name="Seed">Initialisation, shuffling and noise.</param>
/// <param name="HeldOutImages">The first this many MNIST test images are scored.</param>
/// <param name="FigureImages">The first this many test images are drawn.</param>
internal sealed record DenoisingSettings(
    int TrainingImages = 10_000,
    int Epochs = 5,
    float NoiseStandardDeviation = 0.5f,
    int Seed = 1,
    int HeldOutImages = 1_000,
    int FigureImages = 10)
{
    /// <summary>Samples per step.</summary>
    public int BatchSize => 64;
}

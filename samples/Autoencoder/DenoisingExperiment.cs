using System;
using NetGen.Data;

namespace NetGen.Samples.Autoencoder;

/// <summary>
/// Trains <see cref="DenoisingAutoencoder"/> on MNIST with noisy inputs and clean targets, then scores it on held-out
/// test images. The noise comes from <see cref="TrainingOptions.Augmentation"/>, which changes the training inputs only,
/// so a dataset whose targets are its inputs trains the network to remove the noise; each epoch draws new noise.
/// </summary>
internal static class DenoisingExperiment
{
    // The held-out images' noise is drawn from a stream no training epoch uses (those are the epochs, from 1).
    private const long HeldOutNoiseStream = -1;

    public static DenoisingResult Run(DenoisingSettings settings, MnistSet training, MnistSet test, Action<EpochResult>? epochCompleted = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var trainingImages = training.Take(Math.Min(settings.TrainingImages, training.Count)).Images;
        var clean = test.Take(Math.Min(settings.HeldOutImages, test.Count)).Images;
        var noise = new ImageAugmentation { NoiseStandardDeviation = settings.NoiseStandardDeviation, Seed = settings.Seed };

        var network = new DenoisingAutoencoder();
        network.Initialize(settings.Seed);
        var history = Trainer.Fit(network, new Dataset(trainingImages, trainingImages, MnistSet.ImageSize, MnistSet.ImageSize), new TrainingOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Seed = settings.Seed,
            Augmentation = noise,
            EpochCompleted = epochCompleted,
        });

        var noisy = new float[clean.Length];
        new ImageAugmenter(noise, [MnistSet.ImageSize]).Augment(clean, noisy, HeldOutNoiseStream);
        var reconstructed = new float[clean.Length];
        network.Forward(noisy, reconstructed);

        var shown = settings.FigureImages * MnistSet.ImageSize;
        return new DenoisingResult(
            history,
            MeanSquaredError(noisy, clean),
            MeanSquaredError(reconstructed, clean),
            clean[..shown],
            noisy[..shown],
            reconstructed[..shown]);
    }

    private static double MeanSquaredError(ReadOnlySpan<float> values, ReadOnlySpan<float> reference)
    {
        double sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var difference = (double)values[i] - reference[i];
            sum += difference * difference;
        }

        return sum / values.Length;
    }
}

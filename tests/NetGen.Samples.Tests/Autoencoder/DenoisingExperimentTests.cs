using System;
using System.IO;
using NetGen.Data;
using NetGen.Samples.Autoencoder;

namespace NetGen.Samples.Tests.Autoencoder;

/// <summary>The denoising autoencoder sample, trained small: it must remove noise from digits it never saw.</summary>
public sealed class DenoisingExperimentTests
{
    private static readonly Lazy<(DenoisingSettings Settings, DenoisingResult Result)> s_trained = new(Train);

    [Fact]
    public void Reconstructions_of_noisy_held_out_digits_are_closer_to_the_clean_digits_than_the_noisy_inputs()
    {
        var (_, result) = s_trained.Value;

        Assert.True(
            result.ReconstructionError < result.NoisyError,
            $"reconstruction error {result.ReconstructionError} is not below the noisy input's {result.NoisyError}");
    }

    [Fact]
    public void The_inputs_carry_the_asked_noise_and_the_reconstructions_are_pixel_values()
    {
        var (settings, result) = s_trained.Value;

        // Unclipped Gaussian noise of σ adds σ² to the mean squared error.
        var variance = settings.NoiseStandardDeviation * settings.NoiseStandardDeviation;
        Assert.InRange(result.NoisyError, variance * 0.95, variance * 1.05);
        Assert.All(result.Reconstructed, value => Assert.InRange(value, 0f, 1f));
        Assert.Equal(settings.FigureImages * MnistSet.ImageSize, result.Clean.Length);
    }

    [Fact]
    public void The_figure_is_written_as_a_png()
    {
        var (settings, result) = s_trained.Value;
        var path = Path.Combine(Path.GetTempPath(), $"netgen-denoising-{Guid.NewGuid():N}.png");
        try
        {
            var written = DenoisingFigure.Save(result, settings.NoiseStandardDeviation, path);

            var header = new byte[8];
            using (var file = File.OpenRead(written))
            {
                file.ReadExactly(header);
            }

            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (DenoisingSettings, DenoisingResult) Train()
    {
        var directory = Mnist.DefaultDirectory;
        if (!Mnist.IsAvailable(directory))
        {
            throw new InvalidOperationException($"MNIST is not in {directory}: run scripts/fetch-mnist.sh or set {Mnist.DirectoryVariable}.");
        }

        var settings = new DenoisingSettings(TrainingImages: 3_000, Epochs: 3, HeldOutImages: 500);
        return (settings, DenoisingExperiment.Run(settings, Mnist.Load(directory, MnistSplit.Training), Mnist.Load(directory, MnistSplit.Test)));
    }
}

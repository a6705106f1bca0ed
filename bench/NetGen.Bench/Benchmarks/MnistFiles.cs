using System.IO;
using NetGen.Data;

namespace NetGen.Bench.Benchmarks;

/// <summary>MNIST as both NetGen and the PyTorch peer read it: pixels scaled to [0, 1], one-hot targets.</summary>
internal sealed class MnistFiles
{
    private MnistFiles(string directory, Dataset training, Dataset test)
    {
        Directory = directory;
        Training = training;
        Test = test;
    }

    public string Directory { get; }

    public Dataset Training { get; }

    public Dataset Test { get; }

    /// <summary>The data, or null with <paramref name="reason"/> when the files are not there.</summary>
    public static MnistFiles? TryLoad(BenchOptions options, out string reason)
    {
        var directory = Path.GetFullPath(options.DataDirectory ?? Mnist.DefaultDirectory);
        if (!Mnist.IsAvailable(directory))
        {
            reason = $"the MNIST files are not in {directory} (scripts/fetch-mnist.sh downloads them)";
            return null;
        }

        var training = Mnist.Load(directory, MnistSplit.Training);
        if (options.TrainingLimit is { } limit && limit < training.Count)
        {
            training = training.Take(limit);
        }

        var test = Mnist.Load(directory, MnistSplit.Test);
        reason = "";
        return new MnistFiles(
            directory,
            Dataset.FromClassLabels(training.Images, MnistSet.ImageSize, training.Labels, MnistSet.Classes),
            Dataset.FromClassLabels(test.Images, MnistSet.ImageSize, test.Labels, MnistSet.Classes));
    }
}

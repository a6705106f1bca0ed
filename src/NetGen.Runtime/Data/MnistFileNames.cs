using System;
using System.IO;

namespace NetGen.Data;

/// <summary>The names of MNIST's four files, and where to find each in a directory, plain or gzipped.</summary>
internal static class MnistFileNames
{
    public const string TrainingImages = "train-images-idx3-ubyte";
    public const string TrainingLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";
    public const string GzipExtension = ".gz";

    public static (string Images, string Labels) For(MnistSplit split) => split switch
    {
        MnistSplit.Training => (TrainingImages, TrainingLabels),
        MnistSplit.Test => (TestImages, TestLabels),
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "MNIST has a Training and a Test split."),
    };

    /// <summary>The path of <paramref name="name"/> in <paramref name="directory"/>, or of <paramref name="name"/>.gz when only that exists; null when neither does.</summary>
    public static string? Locate(string directory, string name)
    {
        var plain = Path.Combine(directory, name);
        if (File.Exists(plain))
        {
            return plain;
        }

        var gzipped = plain + GzipExtension;
        return File.Exists(gzipped) ? gzipped : null;
    }
}

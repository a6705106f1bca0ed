using System;
using System.IO;
using static NetGen.Data.DataFileErrors;

namespace NetGen.Data;

/// <summary>
/// Loads MNIST from its four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte,
/// t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte), each plain or gzipped (<c>.gz</c>).
/// scripts/fetch-mnist.sh downloads them into <see cref="DefaultDirectory"/>.
/// </summary>
public static class Mnist
{
    /// <summary>The environment variable that, when set, names the folder <see cref="DefaultDirectory"/> returns.</summary>
    public const string DirectoryVariable = "NETGEN_MNIST_DIR";

    private const byte PixelMaximum = byte.MaxValue;

    // Exactly pixel / 255f for each byte value, looked up instead of divided 47 million times.
    private static readonly float[] s_pixelValues = CreatePixelValues();

    /// <summary>
    /// Where MNIST lives: the folder named by the <c>NETGEN_MNIST_DIR</c> environment variable if it is set;
    /// otherwise <c>data/mnist</c> under the repository root (the nearest folder, from the current directory
    /// upwards, holding NetGen.sln); otherwise <c>./data/mnist</c>.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable(DirectoryVariable);
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return Path.GetFullPath(overridden);
            }

            var current = Directory.GetCurrentDirectory();
            return Path.Combine(RepositoryRoot.Find(current) ?? current, "data", "mnist");
        }
    }

    /// <summary>Whether <paramref name="directory"/> holds all four MNIST files (plain or gzipped). Their contents are not checked.</summary>
    public static bool IsAvailable(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        foreach (var split in (ReadOnlySpan<MnistSplit>)[MnistSplit.Training, MnistSplit.Test])
        {
            var (images, labels) = MnistFileNames.For(split);
            if (MnistFileNames.Locate(directory, images) is null || MnistFileNames.Locate(directory, labels) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Loads one split of MNIST from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file of the split is missing (neither plain nor .gz); the message says how to fetch MNIST.</exception>
    /// <exception cref="InvalidDataException">
    /// A file is not a valid unsigned-byte IDX file, the images are not N×28×28, the labels not N, the two
    /// counts differ, or a label lies outside 0–9. The message names the file and the problem.
    /// </exception>
    public static MnistSet Load(string directory, MnistSplit split)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var (imagesName, labelsName) = MnistFileNames.For(split);
        var images = IdxReader.Read(LocateOrThrow(directory, imagesName));
        CheckImageShape(images);
        var labels = IdxReader.Read(LocateOrThrow(directory, labelsName));
        CheckLabelShape(labels, images);
        return new MnistSet(ToPixels(images.Data), ToLabels(labels));
    }

    private static string LocateOrThrow(string directory, string name) =>
        MnistFileNames.Locate(directory, name)
        ?? throw Missing(Path.GetFullPath(Path.Combine(directory, name)), $"file not found (nor {name}{MnistFileNames.GzipExtension})");

    private static void CheckImageShape(IdxData images)
    {
        var dimensions = images.Dimensions;
        if (dimensions.Count != 3 || dimensions[1] != MnistSet.Rows || dimensions[2] != MnistSet.Columns)
        {
            throw Problem(images.FilePath, $"expected MNIST images of shape N×{MnistSet.Rows}×{MnistSet.Columns} but found {images.Shape}");
        }
    }

    private static void CheckLabelShape(IdxData labels, IdxData images)
    {
        if (labels.Dimensions.Count != 1)
        {
            throw Problem(labels.FilePath, $"expected MNIST labels of shape N (one dimension) but found {labels.Shape}");
        }

        if (labels.Count != images.Count)
        {
            throw Problem(labels.FilePath, $"expected {images.Count:N0} labels, one per image in {images.FilePath}, but found {labels.Count:N0}");
        }
    }

    private static float[] ToPixels(byte[] bytes)
    {
        var pixels = new float[bytes.Length];
        var values = s_pixelValues;
        for (var i = 0; i < bytes.Length; i++)
        {
            pixels[i] = values[bytes[i]];
        }

        return pixels;
    }

    private static int[] ToLabels(IdxData labels)
    {
        var bytes = labels.Data;
        var result = new int[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= MnistSet.Classes)
            {
                throw Problem(labels.FilePath, $"expected labels in 0–{MnistSet.Classes - 1} but the label at index {i} is {bytes[i]}");
            }

            result[i] = bytes[i];
        }

        return result;
    }

    private static float[] CreatePixelValues()
    {
        var values = new float[PixelMaximum + 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i / (float)PixelMaximum;
        }

        return values;
    }
}

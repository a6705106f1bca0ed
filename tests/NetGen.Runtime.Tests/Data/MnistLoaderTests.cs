using System;
using System.IO;
using NetGen.Data;

namespace NetGen.Tests.Data;

/// <summary>Mnist.Load on small hand-made MNIST-shaped files.</summary>
public sealed class MnistLoaderTests : IDisposable
{
    private const int ImageBytes = 28 * 28;
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_ScalesPixelsTo01AndKeepsLabels()
    {
        var pixels = IdxBytes.Counting(3 * ImageBytes);
        WriteSplit("t10k", pixels, [7, 0, 9]);

        var set = Mnist.Load(_folder.FullPath, MnistSplit.Test);

        Assert.Equal(3, set.Count);
        Assert.Equal([7, 0, 9], set.Labels);
        Assert.Equal(3 * MnistSet.ImageSize, set.Images.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            Assert.Equal(pixels[i] / 255f, set.Images[i]);
        }

        Assert.Equal(0f, set.Images[0]);
        Assert.Equal(1f, set.Images[255]);
    }

    [Fact]
    public void Load_PicksTheFilesOfTheSplit()
    {
        WriteSplit("train", new byte[2 * ImageBytes], [1, 2]);
        WriteSplit("t10k", new byte[1 * ImageBytes], [3]);

        Assert.Equal([1, 2], Mnist.Load(_folder.FullPath, MnistSplit.Training).Labels);
        Assert.Equal([3], Mnist.Load(_folder.FullPath, MnistSplit.Test).Labels);
    }

    [Fact]
    public void Load_FindsGzippedFiles()
    {
        var pixels = IdxBytes.Counting(2 * ImageBytes);
        _folder.Write("train-images-idx3-ubyte.gz", IdxBytes.Gzip(IdxBytes.Create([2, 28, 28], pixels)));
        _folder.Write("train-labels-idx1-ubyte.gz", IdxBytes.Gzip(IdxBytes.Create([2], [4, 5])));

        var set = Mnist.Load(_folder.FullPath, MnistSplit.Training);

        Assert.Equal([4, 5], set.Labels);
        Assert.Equal(pixels[100] / 255f, set.Images[100]);
    }

    [Fact]
    public void LabelOfTen_IsRejectedNamingTheFileAndIndex()
    {
        WriteSplit("t10k", new byte[3 * ImageBytes], [1, 2, 10]);
        var labelsPath = Path.Combine(_folder.FullPath, "t10k-labels-idx1-ubyte");

        var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(_folder.FullPath, MnistSplit.Test));

        Assert.StartsWith(labelsPath + ": ", error.Message);
        Assert.Contains("expected labels in 0–9 but the label at index 2 is 10", error.Message);
    }

    [Fact]
    public void DifferentCounts_AreRejectedNamingBothFiles()
    {
        WriteSplit("t10k", new byte[3 * ImageBytes], [1, 2]);
        var imagesPath = Path.Combine(_folder.FullPath, "t10k-images-idx3-ubyte");
        var labelsPath = Path.Combine(_folder.FullPath, "t10k-labels-idx1-ubyte");

        var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(_folder.FullPath, MnistSplit.Test));

        Assert.StartsWith(labelsPath + ": ", error.Message);
        Assert.Contains($"expected 3 labels, one per image in {imagesPath}, but found 2", error.Message);
    }

    [Fact]
    public void ImagesThatAreNot28By28_AreRejected()
    {
        _folder.Write("t10k-images-idx3-ubyte", IdxBytes.Create([2, 28, 27], new byte[2 * 28 * 27]));
        _folder.Write("t10k-labels-idx1-ubyte", IdxBytes.Create([2], [0, 1]));
        var imagesPath = Path.Combine(_folder.FullPath, "t10k-images-idx3-ubyte");

        var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(_folder.FullPath, MnistSplit.Test));

        Assert.StartsWith(imagesPath + ": ", error.Message);
        Assert.Contains("expected MNIST images of shape N×28×28 but found 2×28×27", error.Message);
    }

    [Fact]
    public void LabelsWithTwoDimensions_AreRejected()
    {
        _folder.Write("t10k-images-idx3-ubyte", IdxBytes.Create([2, 28, 28], new byte[2 * ImageBytes]));
        _folder.Write("t10k-labels-idx1-ubyte", IdxBytes.Create([2, 1], [0, 1]));

        var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(_folder.FullPath, MnistSplit.Test));

        Assert.Contains("t10k-labels-idx1-ubyte: expected MNIST labels of shape N (one dimension) but found 2×1", error.Message);
    }

    [Fact]
    public void MissingFile_NamesItAndTheFetchScript()
    {
        _folder.Write("t10k-images-idx3-ubyte", IdxBytes.Create([1, 28, 28], new byte[ImageBytes]));
        var labelsPath = Path.Combine(_folder.FullPath, "t10k-labels-idx1-ubyte");

        var error = Assert.Throws<FileNotFoundException>(() => Mnist.Load(_folder.FullPath, MnistSplit.Test));

        Assert.Equal(labelsPath, error.FileName);
        Assert.StartsWith(labelsPath + ": file not found (nor t10k-labels-idx1-ubyte.gz)", error.Message);
        Assert.Contains("scripts/fetch-mnist.sh", error.Message);
    }

    [Fact]
    public void IsAvailable_NeedsAllFourFilesPlainOrGzipped()
    {
        Assert.False(Mnist.IsAvailable(_folder.FullPath));
        Assert.False(Mnist.IsAvailable(Path.Combine(_folder.FullPath, "no-such-folder")));

        WriteSplit("train", new byte[ImageBytes], [0]);
        Assert.False(Mnist.IsAvailable(_folder.FullPath));

        _folder.Write("t10k-images-idx3-ubyte.gz", IdxBytes.Gzip(IdxBytes.Create([1, 28, 28], new byte[ImageBytes])));
        _folder.Write("t10k-labels-idx1-ubyte", IdxBytes.Create([1], [0]));
        Assert.True(Mnist.IsAvailable(_folder.FullPath));
    }

    [Fact]
    public void Take_CopiesTheFirstSamples()
    {
        WriteSplit("t10k", IdxBytes.Counting(3 * ImageBytes), [7, 2, 1]);
        var set = Mnist.Load(_folder.FullPath, MnistSplit.Test);

        var firstTwo = set.Take(2);
        firstTwo.Images[0] = 0.5f;

        Assert.Equal(2, firstTwo.Count);
        Assert.Equal([7, 2], firstTwo.Labels);
        Assert.Equal(set.Images.AsSpan(1, (2 * MnistSet.ImageSize) - 1).ToArray(), firstTwo.Images.AsSpan(1).ToArray());
        Assert.Equal(0f, set.Images[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Take_RejectsCountsOutsideTheSet(int count)
    {
        WriteSplit("t10k", new byte[3 * ImageBytes], [7, 2, 1]);
        var set = Mnist.Load(_folder.FullPath, MnistSplit.Test);

        Assert.Throws<ArgumentOutOfRangeException>(() => set.Take(count));
    }

    [Fact]
    public void ToDataset_GivesOneHotTargets()
    {
        WriteSplit("t10k", new byte[2 * ImageBytes], [3, 9]);

        var dataset = Mnist.Load(_folder.FullPath, MnistSplit.Test).ToDataset();

        Assert.Equal(2, dataset.Count);
        Assert.Equal(MnistSet.ImageSize, dataset.InputSize);
        Assert.Equal(MnistSet.Classes, dataset.TargetSize);
        Assert.Equal(1f, dataset.Targets[3]);
        Assert.Equal(1f, dataset.Targets[10 + 9]);
    }

    private void WriteSplit(string prefix, byte[] pixels, byte[] labels)
    {
        _folder.Write($"{prefix}-images-idx3-ubyte", IdxBytes.Create([pixels.Length / ImageBytes, 28, 28], pixels));
        _folder.Write($"{prefix}-labels-idx1-ubyte", IdxBytes.Create([labels.Length], labels));
    }
}

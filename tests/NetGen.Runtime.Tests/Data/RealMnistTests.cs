using System;
using System.Linq;
using NetGen.Data;

namespace NetGen.Tests.Data;

/// <summary>Checks the real MNIST files (fetched by scripts/fetch-mnist.sh when missing).</summary>
[Collection(MnistEnvironmentCollection.Name)]
public sealed class RealMnistTests
{
    [Fact]
    public void TestSplit_HasTenThousandImagesOfEveryDigit()
    {
        var directory = MnistFiles.Directory;
        var test = Mnist.Load(directory, MnistSplit.Test);

        Assert.Equal(10_000, test.Count);
        Assert.Equal(10_000 * MnistSet.ImageSize, test.Images.Length);
        Assert.Equal(0f, test.Images.Min());
        Assert.Equal(1f, test.Images.Max());
        Assert.Equal(7, test.Labels[0]);
        var histogram = new int[MnistSet.Classes];
        foreach (var label in test.Labels)
        {
            histogram[label]++;
        }

        Assert.All(histogram, count => Assert.True(count > 0));
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], histogram);
    }

    [Fact]
    public void TrainingSplit_HasSixtyThousandImages()
    {
        var directory = MnistFiles.Directory;
        var training = Mnist.Load(directory, MnistSplit.Training);

        Assert.Equal(60_000, training.Count);
        Assert.Equal(5, training.Labels[0]);
    }
}

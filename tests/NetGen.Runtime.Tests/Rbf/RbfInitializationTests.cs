using System;
using System.Linq;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Rbf;

/// <summary>k-means places the centres on well-separated blobs, and the widths follow the centres' spacing.</summary>
public sealed class RbfInitializationTests
{
    [Fact]
    public void K_means_finds_the_centres_of_well_separated_blobs()
    {
        float[][] truth = [[5f, 5f], [-5f, 5f], [5f, -5f], [-5f, -5f]];
        var samples = Blobs(truth, perBlob: 50, spread: 0.3, seed: 4);

        var centers = KMeans.Cluster(samples, dimensions: 2, clusters: 4, seed: 7);

        foreach (var center in truth)
        {
            var nearest = Enumerable.Range(0, 4).Min(j => Distance(center, centers.AsSpan(j * 2, 2)));
            Assert.True(nearest < 0.15, $"no centre found near ({center[0]}, {center[1]}): the nearest is {nearest:F3} away");
        }
    }

    [Fact]
    public void The_width_is_the_mean_distance_from_each_centre_to_its_nearest_other()
    {
        // Blobs at (0, 0), (3, 0), (0, 4): the nearest other centres are 3, 3 and 4 away, so σ ≈ 10/3.
        var samples = Blobs([[0f, 0f], [3f, 0f], [0f, 4f]], perBlob: 40, spread: 0.05, seed: 5);
        var network = new RbfOnlyNet();
        var layer = (RbfLayerInfo)((INetwork)network).Layers[0];

        var width = RbfInitialization.KMeans(network, layer, samples, seed: 1);

        Assert.Equal(10.0 / 3.0, width, 0.05);
        Assert.All(layer.LogWidth.Slice(network.Parameters).ToArray(), logWidth => Assert.Equal(MathF.Log(width), logWidth, 5));
        var centers = layer.Center.Slice(network.Parameters).ToArray();
        Assert.Contains(Enumerable.Range(0, 3), j => Distance([3f, 0f], centers.AsSpan(j * 2, 2)) < 0.05);
    }

    [Fact]
    public void A_layer_that_does_not_read_the_network_input_is_refused()
    {
        var network = new RbfNet();
        var layer = (RbfLayerInfo)((INetwork)network).Layers[1];

        var error = Assert.Throws<NotSupportedException>(() => RbfInitialization.KMeans(network, layer, new float[30], seed: 1));

        Assert.Contains("only a first RBF layer", error.Message, StringComparison.Ordinal);
    }

    private static float[] Blobs(float[][] centers, int perBlob, double spread, int seed)
    {
        var random = new SeededRandom(seed);
        var dimensions = centers[0].Length;
        var samples = new float[centers.Length * perBlob * dimensions];
        for (var i = 0; i < centers.Length * perBlob; i++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                samples[(i * dimensions) + d] = centers[i % centers.Length][d] + (float)(random.NextGaussian() * spread);
            }
        }

        return samples;
    }

    private static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        Math.Sqrt((a[0] - b[0]) * (a[0] - b[0]) + ((a[1] - b[1]) * (a[1] - b[1])));
}

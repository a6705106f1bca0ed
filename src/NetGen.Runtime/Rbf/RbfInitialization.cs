using System;
using System.Linq;

namespace NetGen;

/// <summary>Places an RBF layer's kernels on the data instead of at random: centres by k-means, one width from their spacing.</summary>
public static class RbfInitialization
{
    /// <summary>
    /// Sets <paramref name="layer"/>'s centres to the k-means centres (<see cref="KMeans.Cluster"/>, k = its units) of
    /// <paramref name="inputs"/>, and every kernel's width to σ = the mean, over the centres, of the distance from each to
    /// its nearest other centre: a kernel is then still at φ = exp(−½) ≈ 0.61 at the typical distance to its neighbour's
    /// centre, so the kernels cover the data without gaps yet stay distinct. Returns the σ set. With one unit, or centres
    /// that all coincide, there is no spacing to go by and the widths are left as they are (the first one is returned).
    /// Only a layer that reads the network's input (the first layer, or after views only) is supported: the inputs of a
    /// deeper layer would have to be run through the layers below it first.
    /// </summary>
    public static float KMeans(INetwork network, RbfLayerInfo layer, ReadOnlySpan<float> inputs, int seed, int iterations = 20)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(layer);
        var index = Array.IndexOf(network.Layers.ToArray(), layer);
        if (index < 0)
        {
            throw new ArgumentException($"Layer '{layer.Name}' is not a layer of {network.Name}.", nameof(layer));
        }

        if (network.Layers.Take(index).Any(below => below is not ViewLayerInfo))
        {
            throw new NotSupportedException(
                $"RBF layer '{layer.Name}' of {network.Name} does not read the network's input; k-means initialisation supports only a first RBF layer.");
        }

        var dimensions = layer.Center.Shape[1];
        var units = layer.Center.Shape[0];
        var centers = NetGen.KMeans.Cluster(inputs, dimensions, units, seed, iterations);
        centers.CopyTo(layer.Center.Slice(network.Parameters));
        var logWidths = layer.LogWidth.Slice(network.Parameters);
        var width = units == 1 ? 0f : (float)MeanNearestNeighbourDistance(centers, dimensions);
        if (!(width > 0))
        {
            return MathF.Exp(logWidths[0]);
        }

        logWidths.Fill(MathF.Log(width));
        return width;
    }

    private static double MeanNearestNeighbourDistance(float[] centers, int dimensions)
    {
        var units = centers.Length / dimensions;
        var sum = 0.0;
        for (var j = 0; j < units; j++)
        {
            var nearest = double.PositiveInfinity;
            for (var other = 0; other < units; other++)
            {
                if (other != j)
                {
                    nearest = Math.Min(nearest, NetGen.KMeans.SquaredDistance(centers.AsSpan(j * dimensions, dimensions), centers.AsSpan(other * dimensions, dimensions)));
                }
            }

            sum += Math.Sqrt(nearest);
        }

        return sum / units;
    }
}

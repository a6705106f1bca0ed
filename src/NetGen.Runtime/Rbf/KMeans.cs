using System;

namespace NetGen;

/// <summary>k-means clustering (Lloyd's iterations from k-means++ seeds) of row-major samples, in double sums.</summary>
public static class KMeans
{
    /// <summary>
    /// The <paramref name="clusters"/> centres, row-major [clusters, dimensions], of the samples in <paramref name="samples"/>
    /// (row-major, <paramref name="dimensions"/> floats each). Seeding is k-means++ (Arthur and Vassilvitskii, 2007): the
    /// first centre a uniformly drawn sample, each next one a sample drawn with probability proportional to its squared
    /// distance to the nearest centre so far. Then at most <paramref name="iterations"/> rounds of assigning each sample to
    /// its nearest centre and moving each centre to its samples' mean, stopping early once no sample changes cluster. A
    /// cluster left empty keeps its centre.
    /// </summary>
    public static float[] Cluster(ReadOnlySpan<float> samples, int dimensions, int clusters, int seed, int iterations = 20)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusters);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        if (samples.Length % dimensions != 0)
        {
            throw new ArgumentException($"{samples.Length} floats are not whole samples of {dimensions}.", nameof(samples));
        }

        var count = samples.Length / dimensions;
        if (count < clusters)
        {
            throw new ArgumentException($"{count} samples cannot seed {clusters} clusters.", nameof(samples));
        }

        var centers = Seed(samples, dimensions, clusters, new SeededRandom(seed));
        var assignment = new int[count];
        Array.Fill(assignment, -1);
        var sums = new double[clusters * dimensions];
        var sizes = new int[clusters];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var changed = false;
            for (var i = 0; i < count; i++)
            {
                var nearest = Nearest(samples.Slice(i * dimensions, dimensions), centers, dimensions, out _);
                changed |= nearest != assignment[i];
                assignment[i] = nearest;
            }

            if (!changed)
            {
                break;
            }

            Array.Clear(sums);
            Array.Clear(sizes);
            for (var i = 0; i < count; i++)
            {
                sizes[assignment[i]]++;
                for (var d = 0; d < dimensions; d++)
                {
                    sums[(assignment[i] * dimensions) + d] += samples[(i * dimensions) + d];
                }
            }

            for (var j = 0; j < clusters; j++)
            {
                for (var d = 0; d < dimensions && sizes[j] > 0; d++)
                {
                    centers[(j * dimensions) + d] = (float)(sums[(j * dimensions) + d] / sizes[j]);
                }
            }
        }

        return centers;
    }

    /// <summary>The index of the centre nearest <paramref name="sample"/>, and its squared distance.</summary>
    internal static int Nearest(ReadOnlySpan<float> sample, ReadOnlySpan<float> centers, int dimensions, out double squaredDistance)
    {
        var best = 0;
        squaredDistance = double.PositiveInfinity;
        for (var j = 0; j < centers.Length / dimensions; j++)
        {
            var distance = SquaredDistance(sample, centers.Slice(j * dimensions, dimensions));
            if (distance < squaredDistance)
            {
                squaredDistance = distance;
                best = j;
            }
        }

        return best;
    }

    internal static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            var difference = (double)a[d] - b[d];
            sum += difference * difference;
        }

        return sum;
    }

    private static float[] Seed(ReadOnlySpan<float> samples, int dimensions, int clusters, SeededRandom random)
    {
        var count = samples.Length / dimensions;
        var centers = new float[clusters * dimensions];
        samples.Slice(random.NextInt(count) * dimensions, dimensions).CopyTo(centers);
        var nearest = new double[count];
        Array.Fill(nearest, double.PositiveInfinity);
        for (var j = 1; j < clusters; j++)
        {
            // Only the centre added last can have come nearer.
            var total = 0.0;
            for (var i = 0; i < count; i++)
            {
                nearest[i] = Math.Min(nearest[i], SquaredDistance(samples.Slice(i * dimensions, dimensions), centers.AsSpan((j - 1) * dimensions, dimensions)));
                total += nearest[i];
            }

            var chosen = Draw(nearest, total, random);
            samples.Slice(chosen * dimensions, dimensions).CopyTo(centers.AsSpan(j * dimensions, dimensions));
        }

        return centers;
    }

    /// <summary>An index drawn with probability proportional to its weight; uniform when every weight is 0 (all samples already centres).</summary>
    private static int Draw(ReadOnlySpan<double> weights, double total, SeededRandom random)
    {
        if (!(total > 0))
        {
            return random.NextInt(weights.Length);
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}

using System;
using System.Threading.Tasks;

namespace NetGen.Maps;

public abstract partial class SelfOrganizingMap
{
    /// <summary>The mean Euclidean distance from each sample to its best-matching unit's prototype: how well the prototypes fit the data.</summary>
    /// <exception cref="ArgumentException">The samples are empty, not a whole number of samples, or not all finite.</exception>
    public double QuantizationError(ReadOnlySpan<float> samples)
    {
        MapSamples.Count(samples, SampleSize, nameof(samples));
        return Errors(samples.ToArray()).Quantization;
    }

    /// <summary>
    /// The fraction of samples whose best and second-best units are not neighbours on the grid (neither the same row nor column
    /// nor diagonal cell apart): how well the map keeps the data's topology.
    /// </summary>
    /// <exception cref="ArgumentException">The samples are empty, not a whole number of samples, or not all finite.</exception>
    public double TopographicError(ReadOnlySpan<float> samples)
    {
        MapSamples.Count(samples, SampleSize, nameof(samples));
        return Errors(samples.ToArray()).Topographic;
    }

    /// <summary>
    /// The U-matrix, [<see cref="GridRows"/>, <see cref="GridColumns"/>] row-major: for each unit, the mean Euclidean distance of
    /// its prototype to those of its up to four grid neighbours (above, below, left, right). High values mark cluster borders.
    /// </summary>
    public float[] UMatrix()
    {
        var distances = new float[GridUnits];
        for (var row = 0; row < GridRows; row++)
        {
            for (var column = 0; column < GridColumns; column++)
            {
                var unit = (row * GridColumns) + column;
                var sum = 0f;
                var neighbours = 0;
                foreach (var (neighbourRow, neighbourColumn) in (ReadOnlySpan<(int, int)>)[(row - 1, column), (row + 1, column), (row, column - 1), (row, column + 1)])
                {
                    if (neighbourRow >= 0 && neighbourRow < GridRows && neighbourColumn >= 0 && neighbourColumn < GridColumns)
                    {
                        sum += MathF.Sqrt(MapVectors.SquaredDistance(Prototype(unit), Prototype((neighbourRow * GridColumns) + neighbourColumn)));
                        neighbours++;
                    }
                }

                distances[unit] = neighbours == 0 ? 0f : sum / neighbours;
            }
        }

        return distances;
    }

    /// <summary>Both errors in one pass; the best two units of each sample are found in parallel, the sums taken in sample order so that they do not depend on the threads.</summary>
    private (double Quantization, double Topographic) Errors(float[] samples)
    {
        var count = samples.Length / SampleSize;
        var distances = new double[count];
        var separated = new bool[count];
        Parallel.For(0, count, index =>
        {
            var (best, bestDistance, second) = BestTwoUnits(samples.AsSpan(index * SampleSize, SampleSize));
            distances[index] = Math.Sqrt(bestDistance);
            separated[index] = second >= 0 && !AreGridNeighbours(best, second);
        });

        var distanceSum = 0.0;
        var separatedCount = 0;
        for (var index = 0; index < count; index++)
        {
            distanceSum += distances[index];
            separatedCount += separated[index] ? 1 : 0;
        }

        return (distanceSum / count, separatedCount / (double)count);
    }

    private (int Best, float BestDistance, int Second) BestTwoUnits(ReadOnlySpan<float> sample)
    {
        var best = -1;
        var second = -1;
        var bestDistance = float.PositiveInfinity;
        var secondDistance = float.PositiveInfinity;
        for (var unit = 0; unit < GridUnits; unit++)
        {
            var distance = MapVectors.SquaredDistance(_weights.AsSpan(unit * SampleSize, SampleSize), sample);
            if (distance < bestDistance)
            {
                (second, secondDistance) = (best, bestDistance);
                (best, bestDistance) = (unit, distance);
            }
            else if (distance < secondDistance)
            {
                (second, secondDistance) = (unit, distance);
            }
        }

        return (best, bestDistance, second);
    }

    private bool AreGridNeighbours(int first, int second)
    {
        var (firstRow, firstColumn) = Math.DivRem(first, GridColumns);
        var (secondRow, secondColumn) = Math.DivRem(second, GridColumns);
        return Math.Abs(firstRow - secondRow) <= 1 && Math.Abs(firstColumn - secondColumn) <= 1;
    }
}

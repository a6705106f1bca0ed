using System;
using System.Linq;
using NetGen.Maps;

namespace NetGen.Tests.Maps;

/// <summary>Competition, cooperation and adaptation of <see cref="SelfOrganizingMap"/>, checked against their formulas, and what training achieves.</summary>
public sealed class SelfOrganizingMapTests
{
    [Fact]
    public void GeneratedConstantsMatchTheRuntimeSizes()
    {
        var map = new UnevenMap();

        Assert.Equal((UnevenMap.Rows, UnevenMap.Columns, UnevenMap.InputSize, UnevenMap.UnitCount), (map.GridRows, map.GridColumns, map.SampleSize, map.GridUnits));
        Assert.Equal((3, 4, 5, 12), (map.GridRows, map.GridColumns, map.SampleSize, map.GridUnits));
    }

    [Fact]
    public void BestMatchingUnitIsTheNearestPrototype()
    {
        var map = new UnevenMap();
        map.Initialize(seed: 3);
        var samples = MapSamplesForTests.Uniform(300, UnevenMap.InputSize, seed: 4);

        for (var index = 0; index < 300; index++)
        {
            var sample = samples.AsSpan(index * UnevenMap.InputSize, UnevenMap.InputSize);
            Assert.Equal(BruteForceNearest(map, sample.ToArray()), map.BestMatchingUnit(sample));
        }
    }

    [Fact]
    public void OneStepMovesEachPrototypeByTheLearningRateTimesTheGaussianOfItsGridDistance()
    {
        var map = new UnevenMap();
        map.Initialize(seed: 5);
        var before = map.Weights.ToArray();
        var sample = new float[] { 0.9f, 0.1f, 0.5f, 0.3f, 0.7f };
        const float LearningRate = 0.3f;
        const float Radius = 1.5f;

        var winner = map.TrainStep(sample, LearningRate, Radius);

        Assert.Equal(BruteForceNearest(before, map.SampleSize, sample), winner);
        var (winnerRow, winnerColumn) = Math.DivRem(winner, map.GridColumns);
        for (var unit = 0; unit < map.GridUnits; unit++)
        {
            var (row, column) = Math.DivRem(unit, map.GridColumns);
            var gridDistanceSquared = ((row - winnerRow) * (row - winnerRow)) + ((column - winnerColumn) * (column - winnerColumn));
            var neighbourhood = unit == winner ? 1.0 : Math.Exp(-gridDistanceSquared / (2.0 * Radius * Radius));
            for (var i = 0; i < map.SampleSize; i++)
            {
                var w = before[(unit * map.SampleSize) + i];
                var expected = w + (LearningRate * neighbourhood * (sample[i] - w));
                Assert.Equal(expected, map.Weights[(unit * map.SampleSize) + i], 6);
            }
        }

        Assert.NotEqual(before, map.Weights.ToArray());
    }

    [Fact]
    public void QuantizationErrorFallsOverTrainingOnColours()
    {
        var colours = MapSamplesForTests.Uniform(500, 3, seed: 6);
        // Every prototype at the cube's centre: the map starts knowing nothing. (Random prototypes would already quantise the
        // cube about as well as a 2-D sheet folded through it can.)
        var map = new ColourTestMap();
        map.Weights.Fill(0.5f);
        var untrained = map.QuantizationError(colours);

        var history = map.Train(colours, new SelfOrganizingMapOptions { Epochs = 5, Seed = 8 });

        Assert.Equal(5, history.Count);
        Assert.True(history[^1].QuantizationError < untrained / 2, $"{history[^1].QuantizationError} after training, {untrained} before");
        Assert.True(history[^1].QuantizationError < history[0].QuantizationError, string.Join(", ", history.Select(epoch => epoch.QuantizationError)));
        Assert.Equal(map.QuantizationError(colours), history[^1].QuantizationError, 12);
        Assert.Equal(map.TopographicError(colours), history[^1].TopographicError, 12);
    }

    [Fact]
    public void TrainedGridNeighboursAreMoreAlikeThanRandomPairs()
    {
        var colours = MapSamplesForTests.Uniform(500, 3, seed: 9);
        var map = new ColourTestMap();
        map.Initialize(seed: 10);
        var untrainedRatio = NeighbourToRandomPairDistance(map);

        map.Train(colours, new SelfOrganizingMapOptions { Epochs = 5, Seed = 11 });

        // Untrained, neighbours are as far apart as any pair (ratio near 1); trained, the map is ordered.
        Assert.InRange(untrainedRatio, 0.8, 1.2);
        Assert.True(NeighbourToRandomPairDistance(map) < 0.4, $"ratio {NeighbourToRandomPairDistance(map)}");
        Assert.True(map.TopographicError(colours) < 0.2, $"topographic error {map.TopographicError(colours)}");
    }

    [Fact]
    public void TheSameSeedTrainsTheSameMapAndAnotherSeedAnother()
    {
        var colours = MapSamplesForTests.Uniform(200, 3, seed: 12);

        var first = Trained(colours, seed: 13);
        var again = Trained(colours, seed: 13);
        var other = Trained(colours, seed: 14);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void UMatrixIsZeroOnAUniformMapAndHighestAtABorder()
    {
        var map = new UnevenMap();
        map.Weights.Fill(0.5f);
        Assert.All(map.UMatrix(), value => Assert.Equal(0f, value));

        // Columns 0–1 at 0, columns 2–3 at 1: the units beside the border, columns 1 and 2, have a neighbour √5 away.
        for (var unit = 0; unit < map.GridUnits; unit++)
        {
            map.Weights.Slice(unit * map.SampleSize, map.SampleSize).Fill(unit % map.GridColumns < 2 ? 0f : 1f);
        }

        var uMatrix = map.UMatrix();
        Assert.Equal(map.GridUnits, uMatrix.Length);
        Assert.Equal(0f, uMatrix[0]);
        Assert.Equal(MathF.Sqrt(5) / 3, uMatrix[1], 5); // row 0, column 1: neighbours below, left, right
        Assert.Equal(MathF.Sqrt(5) / 4, uMatrix[(1 * map.GridColumns) + 2], 5);
    }

    [Fact]
    public void BadSamplesAndOptionsAreRefusedWithClearMessages()
    {
        var map = new UnevenMap();

        Assert.Contains("holds 5 floats, but 4", Assert.Throws<ArgumentException>(() => map.BestMatchingUnit(new float[4])).Message, StringComparison.Ordinal);
        Assert.Contains("not a whole number", Assert.Throws<ArgumentException>(() => map.Train(new float[7])).Message, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => map.Train(ReadOnlySpan<float>.Empty)).Message, StringComparison.Ordinal);
        var withNaN = new float[10];
        withNaN[7] = float.NaN;
        Assert.Contains("Sample 1, value 2, is NaN", Assert.Throws<ArgumentException>(() => map.QuantizationError(withNaN)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Train(new float[5], new SelfOrganizingMapOptions { Epochs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Train(new float[5], new SelfOrganizingMapOptions { FinalRadius = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Train(new float[5], new SelfOrganizingMapOptions { InitialLearningRate = float.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.TrainStep(new float[5], 0.1f, 0f));
    }

    private static float[] Trained(float[] samples, long seed)
    {
        var map = new ColourTestMap();
        map.Train(samples, new SelfOrganizingMapOptions { Epochs = 2, Seed = seed });
        return map.Weights.ToArray();
    }

    private static int BruteForceNearest(SelfOrganizingMap map, float[] sample) => BruteForceNearest(map.Weights.ToArray(), map.SampleSize, sample);

    private static int BruteForceNearest(float[] weights, int size, float[] sample)
    {
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var unit = 0; unit < weights.Length / size; unit++)
        {
            var distance = 0.0;
            for (var i = 0; i < size; i++)
            {
                distance += Math.Pow(weights[(unit * size) + i] - sample[i], 2);
            }

            if (distance < bestDistance)
            {
                (best, bestDistance) = (unit, distance);
            }
        }

        return best;
    }

    /// <summary>The mean prototype distance between right and lower grid neighbours over that between all pairs of units.</summary>
    private static double NeighbourToRandomPairDistance(SelfOrganizingMap map)
    {
        double Distance(int a, int b) => Math.Sqrt(map.Prototype(a).ToArray().Zip(map.Prototype(b).ToArray(), (x, y) => (double)(x - y) * (x - y)).Sum());

        var neighbours = Enumerable.Range(0, map.GridUnits)
            .SelectMany(unit => new[] { (unit, unit + 1), (unit, unit + map.GridColumns) }
                .Where(pair => (pair.Item2 != unit + 1 || (unit + 1) % map.GridColumns != 0) && pair.Item2 < map.GridUnits))
            .Select(pair => Distance(pair.Item1, pair.Item2))
            .Average();
        var all = Enumerable.Range(0, map.GridUnits)
            .SelectMany(a => Enumerable.Range(a + 1, map.GridUnits - a - 1).Select(b => Distance(a, b)))
            .Average();
        return neighbours / all;
    }
}

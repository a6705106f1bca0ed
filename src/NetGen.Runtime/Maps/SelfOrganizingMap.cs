using System;
using System.Collections.Generic;

namespace NetGen.Maps;

/// <summary>
/// A self-organising (Kohonen) map: a grid of <see cref="GridRows"/> × <see cref="GridColumns"/> units, each holding a prototype
/// of <see cref="SampleSize"/> floats. Training shows it one sample at a time: the unit whose prototype lies nearest wins
/// (competition), it and its grid neighbours are weighted by a Gaussian of their grid distance to it (cooperation), and each
/// moves its prototype towards the sample by that weight times the learning rate (adaptation). Declare a map with
/// <c>[SelfOrganizingMap(rows, columns, inputSize)]</c> on a partial class; the generator derives it from this class.
/// Maps train on the CPU only.
/// </summary>
public abstract partial class SelfOrganizingMap
{
    private readonly float[] _weights;
    private bool _initialized;

    /// <summary>A map of <paramref name="rows"/> × <paramref name="columns"/> units for samples of <paramref name="sampleSize"/> floats, its prototypes all zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or the prototypes would need more than <see cref="Array.MaxLength"/> floats.</exception>
    protected SelfOrganizingMap(int rows, int columns, int sampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleSize);
        var floats = (long)rows * columns * sampleSize;
        if (floats > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), $"A {rows}×{columns} map of {sampleSize} floats per unit needs {floats:N0} floats, more than an array holds.");
        }

        GridRows = rows;
        GridColumns = columns;
        SampleSize = sampleSize;
        _weights = new float[floats];
    }

    /// <summary>Rows of the unit grid.</summary>
    public int GridRows { get; }

    /// <summary>Columns of the unit grid.</summary>
    public int GridColumns { get; }

    /// <summary>Units in the grid: unit <c>row · GridColumns + column</c> sits at (row, column).</summary>
    public int GridUnits => GridRows * GridColumns;

    /// <summary>Floats in one sample and in each prototype.</summary>
    public int SampleSize { get; }

    /// <summary>The prototypes, [<see cref="GridUnits"/>, <see cref="SampleSize"/>] row-major; writing them counts as initialising the map.</summary>
    public Span<float> Weights
    {
        get
        {
            _initialized = true;
            return _weights;
        }
    }

    /// <summary>The prototype of <paramref name="unit"/>.</summary>
    public ReadOnlySpan<float> Prototype(int unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, GridUnits);
        return _weights.AsSpan(unit * SampleSize, SampleSize);
    }

    /// <summary>Sets every prototype value uniformly at random in [0, 1).</summary>
    public void Initialize(long seed)
    {
        var random = new SeededRandom(seed);
        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] = random.NextSingle();
        }

        _initialized = true;
    }

    /// <summary>Sets each prototype to a sample drawn at random from <paramref name="samples"/> (count × <see cref="SampleSize"/>).</summary>
    /// <exception cref="ArgumentException">The samples are empty, not a whole number of samples, or not all finite.</exception>
    public void Initialize(ReadOnlySpan<float> samples, long seed)
    {
        var count = MapSamples.Count(samples, SampleSize, nameof(samples));
        var random = new SeededRandom(seed);
        for (var unit = 0; unit < GridUnits; unit++)
        {
            samples.Slice(random.NextInt(count) * SampleSize, SampleSize).CopyTo(_weights.AsSpan(unit * SampleSize, SampleSize));
        }

        _initialized = true;
    }

    /// <summary>The unit whose prototype is nearest to <paramref name="sample"/> (the lowest index among equals).</summary>
    /// <exception cref="ArgumentException">The sample does not hold <see cref="SampleSize"/> finite floats.</exception>
    public int BestMatchingUnit(ReadOnlySpan<float> sample)
    {
        MapSamples.RequireOne(sample, SampleSize, nameof(sample));
        return NearestUnit(sample);
    }

    /// <summary>
    /// One training step: finds the best-matching unit c of <paramref name="sample"/> and moves every prototype w_j by
    /// η·h_j·(x − w_j), where h_j = exp(−d²(j, c) / (2σ²)) and d is the Euclidean distance between units j and c on the grid.
    /// </summary>
    /// <param name="sample">The sample x, <see cref="SampleSize"/> finite floats.</param>
    /// <param name="learningRate">η, above 0.</param>
    /// <param name="radius">σ in grid cells, above 0.</param>
    /// <returns>The best-matching unit c.</returns>
    public int TrainStep(ReadOnlySpan<float> sample, float learningRate, float radius)
    {
        MapSamples.RequireOne(sample, SampleSize, nameof(sample));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radius);
        var rowWeights = new float[GridRows];
        var columnWeights = new float[GridColumns];
        return Step(sample, learningRate, radius, rowWeights, columnWeights);
    }

    /// <summary>
    /// Trains the map online on <paramref name="samples"/> (count × <see cref="SampleSize"/>): each epoch shows every sample once,
    /// in a random order, as <see cref="TrainStep"/> does, with η and σ falling exponentially over all steps as
    /// <paramref name="options"/> says. A map that was never initialised (nor its <see cref="Weights"/> written) is first
    /// initialised from random samples.
    /// </summary>
    /// <returns>Each epoch's errors on the samples.</returns>
    /// <exception cref="ArgumentException">The samples are empty, not a whole number of samples, or not all finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public IReadOnlyList<MapEpoch> Train(ReadOnlySpan<float> samples, SelfOrganizingMapOptions? options = null)
    {
        options ??= new SelfOrganizingMapOptions();
        options.Validate();
        var count = MapSamples.Count(samples, SampleSize, nameof(samples));
        if (!_initialized)
        {
            Initialize(samples, options.Seed);
        }

        // One copy for the whole run: the errors after each epoch are computed in parallel, and a span cannot be captured.
        var data = samples.ToArray();

        var steps = (long)options.Epochs * count;
        var learningRate = new ExponentialDecay(options.InitialLearningRate, options.FinalLearningRate, steps);
        var radius = new ExponentialDecay(options.InitialRadius ?? Math.Max(1f, Math.Max(GridRows, GridColumns) / 2f), options.FinalRadius, steps);
        var order = new int[count];
        var rowWeights = new float[GridRows];
        var columnWeights = new float[GridColumns];
        var history = new List<MapEpoch>(options.Epochs);
        var step = 0L;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }

            new SeededRandom(options.Seed ^ ((long)epoch << 32)).Shuffle(order.AsSpan());
            foreach (var index in order)
            {
                Step(data.AsSpan(index * SampleSize, SampleSize), learningRate.At(step), radius.At(step), rowWeights, columnWeights);
                step++;
            }

            var (quantization, topographic) = Errors(data);
            var result = new MapEpoch(epoch, learningRate.At(step - 1), radius.At(step - 1), quantization, topographic);
            history.Add(result);
            options.Progress?.Invoke(result);
        }

        return history;
    }

    private int Step(ReadOnlySpan<float> sample, float learningRate, float radius, float[] rowWeights, float[] columnWeights)
    {
        var winner = NearestUnit(sample);
        var (winnerRow, winnerColumn) = Math.DivRem(winner, GridColumns);
        // The Gaussian of the grid distance factors into a row part and a column part: exp(−(Δr² + Δc²)/2σ²) = exp(−Δr²/2σ²)·exp(−Δc²/2σ²).
        var scale = -1f / (2f * radius * radius);
        for (var row = 0; row < GridRows; row++)
        {
            rowWeights[row] = MathF.Exp(scale * (row - winnerRow) * (row - winnerRow));
        }

        for (var column = 0; column < GridColumns; column++)
        {
            columnWeights[column] = MathF.Exp(scale * (column - winnerColumn) * (column - winnerColumn));
        }

        for (var unit = 0; unit < GridUnits; unit++)
        {
            var (row, column) = Math.DivRem(unit, GridColumns);
            MapVectors.MoveTowards(_weights.AsSpan(unit * SampleSize, SampleSize), sample, learningRate * rowWeights[row] * columnWeights[column]);
        }

        return winner;
    }

    private int NearestUnit(ReadOnlySpan<float> sample)
    {
        var best = 0;
        var bestDistance = float.PositiveInfinity;
        for (var unit = 0; unit < GridUnits; unit++)
        {
            var distance = MapVectors.SquaredDistance(_weights.AsSpan(unit * SampleSize, SampleSize), sample);
            if (distance < bestDistance)
            {
                best = unit;
                bestDistance = distance;
            }
        }

        return best;
    }
}

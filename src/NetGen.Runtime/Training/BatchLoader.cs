using System;

namespace NetGen;

/// <summary>
/// Cuts a dataset into mini-batches, in a seeded random order per epoch, and augments their inputs when given an
/// <see cref="ImageAugmenter"/>. Batches are gathered into buffers allocated once, so iterating allocates nothing; the
/// last batch holds what is left over.
/// </summary>
public sealed class BatchLoader
{
    private readonly Dataset _data;
    private readonly int[]? _rows;
    private readonly int[] _order;
    private readonly float[] _inputs;
    private readonly float[] _targets;
    private readonly RowGatherJob _gather = new();
    private readonly ImageAugmenter? _augmenter;
    private readonly float[]? _unaugmentedInputs;
    private readonly bool _shuffle;
    private readonly int _seed;
    private int _epoch;
    private int _next;

    /// <summary>Batches of <paramref name="batchSize"/> over every sample of <paramref name="data"/>, reshuffled each epoch when <paramref name="shuffle"/>.</summary>
    public BatchLoader(Dataset data, int batchSize, bool shuffle, int seed)
        : this(data, rows: null, batchSize, shuffle, seed, augmenter: null)
    {
    }

    /// <summary>
    /// As <see cref="BatchLoader(Dataset, int, bool, int)"/>, with every batch's inputs augmented by
    /// <paramref name="augmenter"/> (none when null); sample i of a batch is augmented as sample (its position in the
    /// epoch) of stream (the epoch), so the same seeds give the same batches and each epoch new ones. Targets stay as they are.
    /// </summary>
    /// <exception cref="ArgumentException">The augmenter's samples are not the size of the dataset's inputs.</exception>
    public BatchLoader(Dataset data, int batchSize, bool shuffle, int seed, ImageAugmenter? augmenter)
        : this(data, rows: null, batchSize, shuffle, seed, augmenter)
    {
    }

    /// <summary>
    /// Batches over the samples of <paramref name="data"/> listed in <paramref name="rows"/> (all of them when null), in
    /// that order when not shuffling, augmented by <paramref name="augmenter"/> when given. The rows are not copied.
    /// </summary>
    internal BatchLoader(Dataset data, int[]? rows, int batchSize, bool shuffle, int seed, ImageAugmenter? augmenter)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _data = data;
        _rows = rows;
        var count = rows?.Length ?? data.Count;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count, nameof(rows));
        BatchSize = Math.Min(batchSize, count);
        _shuffle = shuffle;
        _seed = seed;
        _order = new int[count];
        _inputs = new float[BatchSize * data.InputSize];
        _targets = new float[BatchSize * data.TargetSize];
        if (augmenter is not null)
        {
            if (augmenter.SampleSize != data.InputSize)
            {
                throw new ArgumentException(
                    $"The augmenter takes {augmenter.SampleSize}-float samples but the dataset's inputs have {data.InputSize} floats.", nameof(augmenter));
            }

            _augmenter = augmenter;
            _unaugmentedInputs = new float[_inputs.Length];
        }

        StartEpoch(0);
    }

    /// <summary>The largest batch (the requested size, or the number of samples if smaller).</summary>
    public int BatchSize { get; }

    /// <summary>Samples per epoch.</summary>
    public int SampleCount => _order.Length;

    /// <summary>Batches per epoch, the last one possibly partial.</summary>
    public int BatchCount => (_order.Length + BatchSize - 1) / BatchSize;

    /// <summary>Rewinds and, when shuffling, draws the order for <paramref name="epoch"/> (the same seed and epoch give the same order).</summary>
    public void StartEpoch(int epoch)
    {
        if (_rows is null)
        {
            for (var i = 0; i < _order.Length; i++)
            {
                _order[i] = i;
            }
        }
        else
        {
            _rows.CopyTo(_order, 0);
        }

        if (_shuffle)
        {
            // Not HashCode.Combine: its seed changes from process to process.
            new SeededRandom(((long)_seed << 32) ^ (uint)epoch).Shuffle(_order.AsSpan());
        }

        _epoch = epoch;
        _next = 0;
    }

    /// <summary>
    /// As <see cref="TryNext"/>, for a back end that holds the dataset and gathers the inputs itself: the next batch's dataset
    /// rows, and their targets gathered here; false when the epoch is over. The spans stay valid until the next call.
    /// </summary>
    /// <exception cref="InvalidOperationException">The loader augments its inputs, which happens only as it gathers them.</exception>
    internal bool TryNextRows(out ReadOnlySpan<int> rows, out ReadOnlySpan<float> targets)
    {
        if (_augmenter is not null)
        {
            throw new InvalidOperationException("A loader that augments its batches must gather their inputs; it cannot hand out rows.");
        }

        var count = Math.Min(BatchSize, _order.Length - _next);
        if (count <= 0)
        {
            rows = default;
            targets = default;
            return false;
        }

        rows = _order.AsSpan(_next, count);
        targets = GatherTargets(rows);
        _next += count;
        return true;
    }

    /// <summary>Gathers the next batch; false when the epoch is over. The spans stay valid until the next call.</summary>
    public bool TryNext(out ReadOnlySpan<float> inputs, out ReadOnlySpan<float> targets, out int count)
    {
        count = Math.Min(BatchSize, _order.Length - _next);
        if (count <= 0)
        {
            inputs = default;
            targets = default;
            count = 0;
            return false;
        }

        var inputSize = _data.InputSize;
        var samples = _order.AsSpan(_next, count);
        if (_augmenter is null)
        {
            _gather.Gather(_data.Inputs, inputSize, samples, _inputs);
        }
        else
        {
            var batchInputs = _unaugmentedInputs.AsSpan(0, count * inputSize);
            _gather.Gather(_data.Inputs, inputSize, samples, batchInputs);
            _augmenter.Augment(batchInputs, _inputs.AsSpan(0, count * inputSize), stream: _epoch, firstSampleIndex: _next);
        }

        _next += count;
        inputs = _inputs.AsSpan(0, count * inputSize);
        targets = GatherTargets(samples);
        return true;
    }

    private ReadOnlySpan<float> GatherTargets(ReadOnlySpan<int> samples)
    {
        var targetSize = _data.TargetSize;
        for (var i = 0; i < samples.Length; i++)
        {
            _data.TargetRows(samples[i], 1).CopyTo(_targets.AsSpan(i * targetSize, targetSize));
        }

        return _targets.AsSpan(0, samples.Length * targetSize);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Search;

/// <summary>
/// The hyper-parameters a search varies: the architecture, the learning rate, the batch size, the optimizer and its
/// weight decay. Every list must hold at least one value; a dimension with one value is held fixed.
/// </summary>
public sealed record SearchSpace
{
    /// <summary>The architectures, one declared network class each (at least one).</summary>
    public required IReadOnlyList<NetworkCandidate> Networks { get; init; }

    /// <summary>The learning rates: positive values, or a log-uniform range for random search.</summary>
    public required RealDomain LearningRates { get; init; }

    /// <summary>Samples per step (default 32 only); each at least 1.</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [32];

    /// <summary>The optimizers (default Adam only).</summary>
    public IReadOnlyList<OptimizerKind> Optimizers { get; init; } = [OptimizerKind.Adam];

    /// <summary><see cref="Optimizers.Optimizer.WeightDecay"/> (default 0 only): values of 0 or more, or a log-uniform range.</summary>
    public RealDomain WeightDecays { get; init; } = RealDomain.Of(0f);

    /// <summary>How many configurations grid search would try: the product of the dimensions' sizes.</summary>
    /// <exception cref="InvalidOperationException">A real dimension is a range, which has no finite grid.</exception>
    public long GridSize
    {
        get
        {
            RequireListed(LearningRates, nameof(LearningRates));
            RequireListed(WeightDecays, nameof(WeightDecays));
            return (long)Networks.Count * Optimizers.Count * LearningRates.Values.Count * BatchSizes.Count * WeightDecays.Values.Count;
        }
    }

    /// <summary>Checks every dimension.</summary>
    /// <exception cref="ArgumentException">A dimension is missing or empty, or holds a value out of range.</exception>
    internal void Validate()
    {
        RequireNonEmpty(Networks, nameof(Networks));
        for (var index = 0; index < Networks.Count; index++)
        {
            if (Networks[index] is null)
            {
                throw new ArgumentException($"{nameof(Networks)}[{index}] is null.", nameof(Networks));
            }
        }

        ArgumentNullException.ThrowIfNull(LearningRates, nameof(LearningRates));
        if (!(LearningRates.Minimum > 0))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{nameof(LearningRates)} holds {LearningRates.Minimum}; a learning rate must be positive."),
                nameof(LearningRates));
        }

        RequireNonEmpty(BatchSizes, nameof(BatchSizes));
        for (var index = 0; index < BatchSizes.Count; index++)
        {
            if (BatchSizes[index] < 1)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{nameof(BatchSizes)}[{index}] is {BatchSizes[index]}; a batch holds at least one sample."),
                    nameof(BatchSizes));
            }
        }

        RequireNonEmpty(Optimizers, nameof(Optimizers));
        for (var index = 0; index < Optimizers.Count; index++)
        {
            if (!Enum.IsDefined(Optimizers[index]))
            {
                throw new ArgumentException($"{nameof(Optimizers)}[{index}] is {Optimizers[index]}, not an {nameof(OptimizerKind)}.", nameof(Optimizers));
            }
        }

        ArgumentNullException.ThrowIfNull(WeightDecays, nameof(WeightDecays));
        if (WeightDecays.Minimum < 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{nameof(WeightDecays)} holds {WeightDecays.Minimum}; a weight decay is 0 or more."),
                nameof(WeightDecays));
        }
    }

    private static void RequireNonEmpty<T>(IReadOnlyList<T>? values, string name)
    {
        if (values is null || values.Count == 0)
        {
            throw new ArgumentException($"The search space's {name} is empty; give at least one value.", name);
        }
    }

    private static void RequireListed(RealDomain domain, string name)
    {
        if (domain.IsRange)
        {
            throw new InvalidOperationException(
                $"Grid search needs listed values, but {name} is the range {domain}; list values with {nameof(RealDomain)}.{nameof(RealDomain.Of)}, or use random search.");
        }
    }
}

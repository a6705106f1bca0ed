using System;

namespace NetGen.Maps;

/// <summary>
/// How <see cref="SelfOrganizingMap.Train"/> trains a map. The learning rate η and the neighbourhood radius σ fall
/// exponentially, step by step, from their initial to their final values over all epochs.
/// </summary>
public sealed record SelfOrganizingMapOptions
{
    /// <summary>Passes over the samples, each in a fresh random order (default 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>η at the first step (default 0.5).</summary>
    public float InitialLearningRate { get; init; } = 0.5f;

    /// <summary>η at the last step (default 0.01).</summary>
    public float FinalLearningRate { get; init; } = 0.01f;

    /// <summary>σ at the first step, in grid cells; null (the default) for half the longer side of the grid, at least 1.</summary>
    public float? InitialRadius { get; init; }

    /// <summary>σ at the last step, in grid cells (default 0.5: at the end a unit's grid neighbours move by e⁻² ≈ 0.14 of its own step).</summary>
    public float FinalRadius { get; init; } = 0.5f;

    /// <summary>Seeds the order of the samples in each epoch and, for a map not yet initialised, the choice of initial prototypes.</summary>
    public long Seed { get; init; }

    /// <summary>Called after each epoch with its errors; null for none.</summary>
    public Action<MapEpoch>? Progress { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        RequirePositive(InitialLearningRate, nameof(InitialLearningRate));
        RequirePositive(FinalLearningRate, nameof(FinalLearningRate));
        if (InitialRadius is { } radius)
        {
            RequirePositive(radius, nameof(InitialRadius));
        }

        RequirePositive(FinalRadius, nameof(FinalRadius));
    }

    private static void RequirePositive(float value, string name)
    {
        if (!float.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number above 0.");
        }
    }
}

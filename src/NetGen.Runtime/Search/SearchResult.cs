using System;
using System.Collections.Generic;

namespace NetGen.Search;

/// <summary>What a search found: every trial in index order, the best one and its trained network.</summary>
public sealed class SearchResult
{
    internal SearchResult(IReadOnlyList<TrialResult> trials, TrialResult best, INetwork bestNetwork, TimeSpan duration)
    {
        Trials = trials;
        Best = best;
        BestNetwork = bestNetwork;
        Duration = duration;
    }

    /// <summary>Every trial, in the order of <see cref="TrialConfiguration.Index"/>, whatever order they finished in.</summary>
    public IReadOnlyList<TrialResult> Trials { get; }

    /// <summary>The trial with the lowest validation loss (the lowest index among equals).</summary>
    public TrialResult Best { get; }

    /// <summary>The best trial's network, with the parameters and layer state of its best epoch.</summary>
    public INetwork BestNetwork { get; }

    /// <summary>The search's wall-clock time.</summary>
    public TimeSpan Duration { get; }
}

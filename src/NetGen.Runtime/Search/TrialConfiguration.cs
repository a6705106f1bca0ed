using System.Globalization;

namespace NetGen.Search;

/// <summary>One point of a <see cref="SearchSpace"/>: what a trial trains, and how.</summary>
/// <param name="Index">The trial's place in the search, from 0; ties in the score go to the lower index.</param>
/// <param name="Network">The architecture.</param>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="LearningRate">The optimizer's learning rate.</param>
/// <param name="BatchSize">Samples per step.</param>
/// <param name="WeightDecay">The optimizer's <see cref="Optimizers.Optimizer.WeightDecay"/>.</param>
public sealed record TrialConfiguration(int Index, NetworkCandidate Network, OptimizerKind Optimizer, float LearningRate, int BatchSize, float WeightDecay)
{
    /// <summary>E.g. "MnistMlp, Adam, lr 0.001, batch 32, weight decay 0".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Network.Name}, {Optimizer}, lr {LearningRate:G4}, batch {BatchSize}, weight decay {WeightDecay:G4}");
}

using NetGen.Search;

namespace NetGen.Samples.Search;

/// <summary>What the sample searches: learning rate × batch size × optimizer for <see cref="DigitsMlp"/>.</summary>
public static class MnistSearchSpace
{
    /// <summary>The grid: 3 optimizers × 3 learning rates × 2 batch sizes, 18 trials.</summary>
    public static SearchSpace Grid { get; } = new()
    {
        Networks = [NetworkCandidate.Of<DigitsMlp>()],
        Optimizers = [OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam],
        LearningRates = RealDomain.Of(0.001f, 0.01f, 0.1f),
        BatchSizes = [32, 128],
    };

    /// <summary>For random search: the same optimizers and batch sizes, the learning rate log-uniform in [1e-4, 0.3].</summary>
    public static SearchSpace Random { get; } = Grid with { LearningRates = RealDomain.LogUniform(1e-4f, 0.3f) };
}

using NetGen.Search;

namespace NetGen.Tests.Search;

/// <summary>Spaces and data small enough that a whole search trains in well under a second.</summary>
internal static class SearchFixtures
{
    public static readonly NetworkCandidate Narrow = NetworkCandidate.Of<NarrowSearchNet>();
    public static readonly NetworkCandidate Wide = NetworkCandidate.Of<WideSearchNet>();

    /// <summary>Targets of pure noise: the validation loss soon stops falling, so every trial stops early.</summary>
    public static Dataset Noise(int samples, int seed)
    {
        var random = new SeededRandom(seed);
        var inputs = new float[samples * 2];
        var targets = new float[samples];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextUniform(-1f, 1f);
        }

        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = random.NextUniform(-1f, 1f);
        }

        return new Dataset(inputs, targets, inputSize: 2, targetSize: 1);
    }

    /// <summary>2 networks × 2 optimizers × 2 learning rates × 2 batch sizes: 16 trials.</summary>
    public static SearchSpace SmallGrid => new()
    {
        Networks = [Narrow, Wide],
        Optimizers = [OptimizerKind.Sgd, OptimizerKind.Adam],
        LearningRates = RealDomain.Of(0.03f, 0.1f),
        BatchSizes = [8, 32],
    };

    public static SearchOptions Options => new() { MaxEpochs = 100, Patience = 2, MinDelta = 1e-3, ValidationSplit = 0.25, Seed = 7 };
}

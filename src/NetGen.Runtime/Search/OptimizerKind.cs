using System;
using NetGen.Optimizers;

namespace NetGen.Search;

/// <summary>The optimizers a search can choose between; each trial builds a fresh one, so no state is shared.</summary>
public enum OptimizerKind
{
    /// <summary><see cref="Optimizers.Sgd"/>.</summary>
    Sgd,

    /// <summary><see cref="Optimizers.Momentum"/> with μ = 0.9.</summary>
    Momentum,

    /// <summary><see cref="Optimizers.Nesterov"/> with μ = 0.9.</summary>
    Nesterov,

    /// <summary><see cref="Optimizers.Adagrad"/>.</summary>
    Adagrad,

    /// <summary><see cref="Optimizers.AdaDelta"/>.</summary>
    AdaDelta,

    /// <summary><see cref="Optimizers.RmsProp"/>.</summary>
    RmsProp,

    /// <summary><see cref="Optimizers.Adam"/>.</summary>
    Adam,

    /// <summary><see cref="Optimizers.AdamW"/>; its weight decay is decoupled.</summary>
    AdamW,

    /// <summary>
    /// <see cref="Optimizers.Rprop"/>, the learning rate being its initial step (at most 50, its largest); for full
    /// batches, as a batch size as large as the training set gives.
    /// </summary>
    Rprop,
}

/// <summary>Builds the optimizer an <see cref="OptimizerKind"/> names.</summary>
public static class OptimizerKindExtensions
{
    /// <summary>
    /// A new optimizer of <paramref name="kind"/> with learning rate <paramref name="learningRate"/> and
    /// <see cref="Optimizer.WeightDecay"/> <paramref name="weightDecay"/>; its other hyper-parameters are the defaults.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined, or a rate is out of range.</exception>
    public static Optimizer Create(this OptimizerKind kind, float learningRate, float weightDecay = 0f) => kind switch
    {
        OptimizerKind.Sgd => new Sgd(learningRate) { WeightDecay = weightDecay },
        OptimizerKind.Momentum => new Momentum(learningRate) { WeightDecay = weightDecay },
        OptimizerKind.Nesterov => new Nesterov(learningRate) { WeightDecay = weightDecay },
        OptimizerKind.Adagrad => new Adagrad(learningRate) { WeightDecay = weightDecay },
        OptimizerKind.AdaDelta => new AdaDelta(learningRate) { WeightDecay = weightDecay },
        OptimizerKind.RmsProp => new RmsProp(learningRate) { WeightDecay = weightDecay },
        OptimizerKind.Adam => new Adam(learningRate) { WeightDecay = weightDecay },
        OptimizerKind.AdamW => new AdamW(learningRate) { WeightDecay = weightDecay },
        OptimizerKind.Rprop => new Rprop(learningRate) { WeightDecay = weightDecay },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"not an {nameof(OptimizerKind)}."),
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Optimizers;

namespace NetGen.Samples.VanishingGradient;

/// <summary>What the sample varies: how many first steps to average over, the batch size, the seed.</summary>
public sealed record ExperimentOptions(int Steps = 10, int BatchSize = 64, int Seed = 1, float LearningRate = 0.1f)
{
    /// <summary>Samples generated: enough for every step to see a batch of its own.</summary>
    public int Samples => Steps * BatchSize;
}

/// <summary>The per-layer gradient norms of both stacks, input layer first, and the gradient check of the sigmoid stack.</summary>
public sealed record ExperimentResult(
    IReadOnlyList<LayerGradientNorm> Sigmoid, IReadOnlyList<LayerGradientNorm> Relu, GradientCheckReport SigmoidGradientCheck)
{
    /// <summary>How many times smaller the first layer's gradient norm is than the last layer's, for one stack.</summary>
    public static double LastToFirstRatio(IReadOnlyList<LayerGradientNorm> norms) => norms[^1].Norm / norms[0].Norm;
}

/// <summary>
/// Trains the deep sigmoid stack and the deep ReLU stack from the same seed on the same data and measures, per layer,
/// how large the weight gradient is during the first steps. First, it checks the sigmoid stack's backward pass against
/// finite differences on one batch. The float loss resolves gradients down to about 3e-5 only: the upper layers are
/// checked element by element, the first layers' far smaller gradients only as being that small.
/// </summary>
public static class VanishingGradientExperiment
{
    public static ExperimentResult Run(ExperimentOptions options)
    {
        var (inputs, targets) = SyntheticTask.Generate(options.Samples, options.Seed);
        var sigmoid = new DeepSigmoidStack();
        sigmoid.Initialize(options.Seed);
        var check = GradientCheck.Run(sigmoid,
            inputs.AsSpan(0, options.BatchSize * SyntheticTask.InputSize), targets.AsSpan(0, options.BatchSize * SyntheticTask.Classes));

        var relu = new DeepReluStack();
        relu.Initialize(options.Seed);
        return new ExperimentResult(
            Measure(sigmoid, inputs, targets, options),
            Measure(relu, inputs, targets, options),
            check);
    }

    private static IReadOnlyList<LayerGradientNorm> Measure(INetwork network, float[] inputs, float[] targets, ExperimentOptions options)
        => LayerGradientNorms.MeanOverFirstSteps(network, inputs, targets, options.Steps, options.BatchSize, new Sgd(options.LearningRate));
}

using System;
using System.Collections.Generic;
using NetGen.Optimizers;

namespace NetGen.Samples.Classics.Regression;

/// <summary>One point of the walk-through: the weight after <paramref name="Step"/> updates and the cost there.</summary>
/// <param name="Step">The updates made so far.</param>
/// <param name="Weight">w(Step).</param>
/// <param name="Cost">The lecture's ξ = Σ (t − y)² of the network's outputs, summed in double as NumPy does.</param>
/// <param name="NetworkLoss">The network's own loss, ½ Σ (y − t)² returned as a float: ξ/2 to float precision.</param>
public sealed record WalkthroughStep(int Step, float Weight, double Cost, float NetworkLoss);

/// <summary>
/// The lecture's gradient descent on y = w·x: w(0) = 0.1, w(k+1) = w(k) − μ·Σ 2x(y − t) with μ = 0.05, the whole data set
/// per step, cost ξ = Σ (t − y)².
/// </summary>
public static class LinearRegressionWalkthrough
{
    /// <summary>The lecture's learning rate μ for ξ.</summary>
    public const float SeedLearningRate = 0.05f;

    /// <summary>The lecture's starting weight.</summary>
    public const float InitialWeight = 0.1f;

    /// <summary>w and ξ before the first step and after each of <paramref name="steps"/> full-batch steps.</summary>
    public static IReadOnlyList<WalkthroughStep> Run(int steps = 3)
    {
        var network = new LineThroughOrigin();
        LineThroughOrigin.Layers.Line.Weight.Slice(network.Parameters)[0] = InitialWeight;
        // NetGen's summed squared error is ξ/2, so its gradient is ∂ξ/∂w / 2: the seed's μ on ξ is η = 2μ on it.
        var optimizer = new Sgd(2 * SeedLearningRate);
        var inputs = WalkthroughData.Inputs;
        var targets = WalkthroughData.Targets;
        var outputs = new float[targets.Length];
        var walk = new List<WalkthroughStep>();
        for (var step = 0; ; step++)
        {
            network.Forward(inputs, outputs);
            walk.Add(new WalkthroughStep(step, LineThroughOrigin.Layers.Line.Weight.Slice(network.Parameters)[0], Cost(outputs, targets), network.ComputeLoss(inputs, targets)));
            if (step == steps)
            {
                return walk;
            }

            network.TrainStep(inputs, targets, optimizer);
        }
    }

    private static double Cost(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets)
    {
        var sum = 0.0;
        for (var i = 0; i < outputs.Length; i++)
        {
            sum += ((double)targets[i] - outputs[i]) * ((double)targets[i] - outputs[i]);
        }

        return sum;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Optimizers;

namespace NetGen.Samples.VanishingGradient;

/// <summary>The mean Euclidean norm of one layer's weight gradient, ‖∂L/∂W‖, over the first training steps.</summary>
/// <param name="Layer">The layer's name, "Hidden1".</param>
/// <param name="Norm">‖∂L/∂W‖ averaged over the steps.</param>
public sealed record LayerGradientNorm(string Layer, double Norm);

/// <summary>Measures how strongly the gradient reaches each layer while a network takes its first training steps.</summary>
public static class LayerGradientNorms
{
    /// <summary>
    /// Trains <paramref name="network"/> for <paramref name="steps"/> batches of <paramref name="batchSize"/> samples
    /// (cycling through the data) and returns, per layer from input to output, its weight gradient's norm averaged
    /// over those steps, each taken before the step's update.
    /// </summary>
    public static IReadOnlyList<LayerGradientNorm> MeanOverFirstSteps(
        INetwork network, float[] inputs, float[] targets, int steps, int batchSize, Optimizer optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var weights = network.ParameterTensors.Where(tensor => tensor.Name.EndsWith(".Weight", StringComparison.Ordinal)).ToArray();
        var sums = new double[weights.Length];
        var batches = inputs.Length / network.InputSize / batchSize;
        for (var step = 0; step < steps; step++)
        {
            var batch = step % batches;
            network.ComputeGradients(
                inputs.AsSpan(batch * batchSize * network.InputSize, batchSize * network.InputSize),
                targets.AsSpan(batch * batchSize * network.OutputSize, batchSize * network.OutputSize));
            for (var layer = 0; layer < weights.Length; layer++)
            {
                sums[layer] += Norm(weights[layer].Slice(network.Gradients));
            }

            optimizer.Step(network.Parameters, network.Gradients);
        }

        return weights.Select((tensor, layer) => new LayerGradientNorm(tensor.Name[..tensor.Name.LastIndexOf('.')], sums[layer] / steps)).ToArray();
    }

    private static double Norm(ReadOnlySpan<float> values)
    {
        var sumOfSquares = 0.0;
        foreach (var value in values)
        {
            sumOfSquares += (double)value * value;
        }

        return Math.Sqrt(sumOfSquares);
    }
}

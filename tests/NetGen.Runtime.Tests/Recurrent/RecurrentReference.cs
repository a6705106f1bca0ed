using System;
using NetGen.Internal;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// A plain double-precision forward pass of the three cells, written from PyTorch's formulas, one sample and one step
/// at a time, that can start a run of steps from any state: what the truncation tests differentiate numerically.
/// </summary>
internal static class RecurrentReference
{
    /// <summary>
    /// Runs steps [<paramref name="first"/>, <paramref name="end"/>) of one sample from <paramref name="hidden"/> and
    /// <paramref name="cell"/> (updated in place) and returns Σ w ⊙ h_t over the steps whose h_t is an output.
    /// </summary>
    public static double Run(
        RecurrentShape shape, ReadOnlySpan<double> input, int sample,
        ReadOnlySpan<double> inputWeight, ReadOnlySpan<double> recurrentWeight, ReadOnlySpan<double> inputBias, ReadOnlySpan<double> recurrentBias,
        Span<double> hidden, Span<double> cell, int first, int end, ReadOnlySpan<float> lossWeights)
    {
        var (features, units, gateUnits, steps) = (shape.Features, shape.Units, shape.GateUnits, shape.Steps);
        var inputPart = new double[gateUnits];
        var recurrentPart = new double[gateUnits];
        var loss = 0.0;
        for (var t = first; t < end; t++)
        {
            var x = input.Slice(((sample * steps) + t) * features, features);
            for (var row = 0; row < gateUnits; row++)
            {
                var sum = inputBias.IsEmpty ? 0.0 : inputBias[row];
                for (var j = 0; j < features; j++)
                {
                    sum += inputWeight[(row * features) + j] * x[j];
                }

                inputPart[row] = sum;
                sum = recurrentBias.IsEmpty ? 0.0 : recurrentBias[row];
                for (var j = 0; j < units; j++)
                {
                    sum += recurrentWeight[(row * units) + j] * hidden[j];
                }

                recurrentPart[row] = sum;
            }

            for (var u = 0; u < units; u++)
            {
                switch (shape.Cell)
                {
                    case RecurrentCell.SimpleRnn:
                        hidden[u] = Math.Tanh(inputPart[u] + recurrentPart[u]);
                        break;
                    case RecurrentCell.Lstm:
                        var i = Sigmoid(inputPart[u] + recurrentPart[u]);
                        var f = Sigmoid(inputPart[units + u] + recurrentPart[units + u]);
                        var g = Math.Tanh(inputPart[(2 * units) + u] + recurrentPart[(2 * units) + u]);
                        var o = Sigmoid(inputPart[(3 * units) + u] + recurrentPart[(3 * units) + u]);
                        cell[u] = (f * cell[u]) + (i * g);
                        hidden[u] = o * Math.Tanh(cell[u]);
                        break;
                    default:
                        var r = Sigmoid(inputPart[u] + recurrentPart[u]);
                        var z = Sigmoid(inputPart[units + u] + recurrentPart[units + u]);
                        var n = Math.Tanh(inputPart[(2 * units) + u] + (r * recurrentPart[(2 * units) + u]));
                        // Every unit's recurrent part was computed from h_{t−1} above, so h can be updated in place.
                        hidden[u] = ((1 - z) * n) + (z * hidden[u]);
                        break;
                }
            }

            if (shape.ReturnSequences)
            {
                for (var u = 0; u < units; u++)
                {
                    loss += lossWeights[(((sample * steps) + t) * units) + u] * hidden[u];
                }
            }
            else if (t == steps - 1)
            {
                for (var u = 0; u < units; u++)
                {
                    loss += lossWeights[(sample * units) + u] * hidden[u];
                }
            }
        }

        return loss;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}

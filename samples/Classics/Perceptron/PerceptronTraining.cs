using System;
using System.Collections.Generic;
using NetGen.Optimizers;

namespace NetGen.Samples.Classics.Perceptron;

/// <summary>What training a perceptron on a gate came to.</summary>
/// <param name="Gate">The truth table trained on.</param>
/// <param name="Epochs">The epochs run: until one ended with every row right, or the budget.</param>
/// <param name="WrongRowsPerEpoch">After each epoch, how many rows the perceptron got wrong.</param>
/// <param name="Outputs">The perceptron's outputs for the four rows after the last epoch.</param>
/// <param name="Weight1">w₁ of the decision line w₁x₁ + w₂x₂ + b = 0.</param>
/// <param name="Weight2">w₂ of the decision line.</param>
/// <param name="Bias">b of the decision line.</param>
public sealed record PerceptronResult(
    LogicGate Gate, int Epochs, IReadOnlyList<int> WrongRowsPerEpoch, float[] Outputs, float Weight1, float Weight2, float Bias)
{
    /// <summary>True when the last epoch left every row right.</summary>
    public bool Learned => WrongRowsPerEpoch[^1] == 0;

    /// <summary>The rows (from 0) whose output differs from the target.</summary>
    public IReadOnlyList<int> WrongRows
    {
        get
        {
            var rows = new List<int>();
            for (var row = 0; row < Gate.Rows; row++)
            {
                if (Outputs[row] != Gate.Targets[row])
                {
                    rows.Add(row);
                }
            }

            return rows;
        }
    }
}

/// <summary>Rosenblatt's procedure: present the rows one at a time, correct the weights after each mistake, repeat.</summary>
public static class PerceptronTraining
{
    /// <summary>η: with weights starting at zero it only scales the line, so any positive rate takes the same epochs.</summary>
    public const float LearningRate = 0.1f;

    /// <summary>Trains a perceptron from zero weights on <paramref name="gate"/> for at most <paramref name="maxEpochs"/> epochs.</summary>
    public static PerceptronResult Train(LogicGate gate, int maxEpochs)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEpochs);
        var network = new PerceptronUnit();
        network.Parameters.Clear();
        var optimizer = new Sgd(LearningRate);
        var inputs = LogicGate.Inputs;
        var outputs = new float[gate.Rows];
        var wrongRowsPerEpoch = new List<int>();
        do
        {
            for (var row = 0; row < gate.Rows; row++)
            {
                network.TrainStep(inputs.AsSpan(row * PerceptronUnit.InputSize, PerceptronUnit.InputSize), gate.Targets.AsSpan(row, 1), optimizer);
            }

            network.Forward(inputs, outputs);
            wrongRowsPerEpoch.Add(CountWrong(outputs, gate.Targets));
        }
        while (wrongRowsPerEpoch[^1] > 0 && wrongRowsPerEpoch.Count < maxEpochs);

        var weight = PerceptronUnit.Layers.Unit.Weight.Slice(network.Parameters);
        var bias = PerceptronUnit.Layers.Unit.Bias.Slice(network.Parameters);
        return new PerceptronResult(gate, wrongRowsPerEpoch.Count, wrongRowsPerEpoch, outputs, weight[0], weight[1], bias[0]);
    }

    private static int CountWrong(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets)
    {
        var wrong = 0;
        for (var i = 0; i < outputs.Length; i++)
        {
            wrong += outputs[i] == targets[i] ? 0 : 1;
        }

        return wrong;
    }
}

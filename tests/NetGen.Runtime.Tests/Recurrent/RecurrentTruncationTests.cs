using System;
using System.Linq;
using NetGen.Internal;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// Truncated backpropagation through time against its definition: the sequence run in chunks of k steps with the state
/// detached between chunks. The reference differentiates, in double, the sum over chunks of each chunk's loss run from
/// the state the full forward pass reached at the chunk's start, held fixed.
/// </summary>
public sealed class RecurrentTruncationTests
{
    private const int Steps = 5;
    private const int Batch = 2;

    /// <summary>Float gradients against double central differences.</summary>
    private const double AbsoluteTolerance = 2e-5;
    private const double RelativeTolerance = 2e-4;

    public static TheoryData<RecurrentCell, bool, int> Cases()
    {
        var cases = new TheoryData<RecurrentCell, bool, int>();
        foreach (var cell in new[] { RecurrentCell.SimpleRnn, RecurrentCell.Lstm, RecurrentCell.Gru })
        {
            foreach (var returnSequences in new[] { true, false })
            {
                foreach (var truncation in new[] { 0, 1, 2, 3 })
                {
                    cases.Add(cell, returnSequences, truncation);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradients_match_the_chunked_and_detached_reference(RecurrentCell cell, bool returnSequences, int truncation)
    {
        var (layer, input, lossWeights) = Setup(cell, returnSequences, truncation);
        layer.Forward(input);
        layer.Backward(input, lossWeights);

        foreach (var (name, values, gradient) in layer.Parameters)
        {
            AssertClose(ReferenceGradient(layer, input, lossWeights, values), gradient, $"{layer.Shape}: ∂L/∂{name}");
        }

        AssertClose(ReferenceGradient(layer, input, lossWeights, input), layer.InputDelta, $"{layer.Shape}: ∂L/∂input");
    }

    [Theory]
    [InlineData(RecurrentCell.SimpleRnn)]
    [InlineData(RecurrentCell.Lstm)]
    [InlineData(RecurrentCell.Gru)]
    public void Truncation_changes_the_gradients_and_a_truncation_of_at_least_the_steps_does_not(RecurrentCell cell)
    {
        var full = Gradients(cell, truncation: 0);
        Assert.Equal(full, Gradients(cell, truncation: Steps));
        Assert.Equal(full, Gradients(cell, truncation: Steps + 3));

        // Far beyond the tolerance of the reference comparison, so that ignoring the truncation fails it.
        var truncated = Gradients(cell, truncation: 2);
        var difference = full.Zip(truncated, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(difference > 1e-2, $"{cell}: truncation 2 moved the gradients by only {difference}");
    }

    [Theory]
    [InlineData(RecurrentCell.SimpleRnn)]
    [InlineData(RecurrentCell.Lstm)]
    [InlineData(RecurrentCell.Gru)]
    public void Truncation_of_one_step_on_the_last_output_reaches_the_last_input_alone(RecurrentCell cell)
    {
        var (layer, input, lossWeights) = Setup(cell, returnSequences: false, truncation: 1);
        layer.Forward(input);
        layer.Backward(input, lossWeights);
        var features = layer.Shape.Features;
        for (var sample = 0; sample < Batch; sample++)
        {
            var sampleDelta = layer.InputDelta.AsSpan(sample * Steps * features, Steps * features);
            Assert.All(sampleDelta[..((Steps - 1) * features)].ToArray(), value => Assert.Equal(0f, value));
            Assert.Contains(sampleDelta[((Steps - 1) * features)..].ToArray(), value => value != 0f);
        }
    }

    private static (RecurrentLayer Layer, float[] Input, float[] LossWeights) Setup(RecurrentCell cell, bool returnSequences, int truncation)
    {
        var shape = new RecurrentShape(cell, Steps, features: 3, units: 9, returnSequences, truncation);
        var layer = new RecurrentLayer(shape, Batch, seed: 61);
        var input = GradientChecker.RandomArray(Batch * shape.InputSize, seed: 62, -1.5f, 1.5f);
        var lossWeights = GradientChecker.RandomArray(Batch * shape.OutputSize, seed: 63);
        return (layer, input, lossWeights);
    }

    private static float[] Gradients(RecurrentCell cell, int truncation)
    {
        var (layer, input, lossWeights) = Setup(cell, returnSequences: true, truncation);
        layer.Forward(input);
        layer.Backward(input, lossWeights);
        return [.. layer.InputWeightGradient, .. layer.RecurrentWeightGradient, .. layer.InputBiasGradient, .. layer.RecurrentBiasGradient, .. layer.InputDelta];
    }

    /// <summary>∂L/∂<paramref name="target"/> of the chunked, detached loss in double by central differences.</summary>
    private static double[] ReferenceGradient(RecurrentLayer layer, float[] input, float[] lossWeights, float[] target)
    {
        var gradient = new double[target.Length];
        for (var i = 0; i < target.Length; i++)
        {
            const double h = 1e-5;
            var up = ChunkedLoss(layer, input, lossWeights, target, i, h);
            var down = ChunkedLoss(layer, input, lossWeights, target, i, -h);
            gradient[i] = (up - down) / (2 * h);
        }

        return gradient;
    }

    /// <summary>
    /// The loss with <paramref name="target"/>[<paramref name="index"/>] moved by <paramref name="offset"/> within every
    /// chunk, each chunk starting from the unperturbed pass's state at its start.
    /// </summary>
    private static double ChunkedLoss(RecurrentLayer layer, float[] input, float[] lossWeights, float[] target, int index, double offset)
    {
        var shape = layer.Shape;
        var chunk = shape.Truncation == 0 ? Steps : shape.Truncation;
        double[] Perturbed(float[] values) => values.Select((value, i) => ReferenceEquals(values, target) && i == index ? value + offset : value).ToArray();
        double[] Plain(float[] values) => values.Select(value => (double)value).ToArray();
        var loss = 0.0;
        for (var sample = 0; sample < Batch; sample++)
        {
            var hidden = new double[shape.Units];
            var cell = new double[shape.Units];
            for (var first = 0; first < Steps; first += chunk)
            {
                var end = Math.Min(Steps, first + chunk);
                var (chunkHidden, chunkCell) = ((double[])hidden.Clone(), (double[])cell.Clone());
                loss += RecurrentReference.Run(shape, Perturbed(input), sample, Perturbed(layer.InputWeight), Perturbed(layer.RecurrentWeight),
                    Perturbed(layer.InputBias), Perturbed(layer.RecurrentBias), chunkHidden, chunkCell, first, end, lossWeights);
                // The state the next chunk starts from: the unperturbed pass's, detached.
                RecurrentReference.Run(shape, Plain(input), sample, Plain(layer.InputWeight), Plain(layer.RecurrentWeight),
                    Plain(layer.InputBias), Plain(layer.RecurrentBias), hidden, cell, first, end, lossWeights);
            }
        }

        return loss;
    }

    private static void AssertClose(double[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        var worstAt = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var excess = Math.Abs(expected[i] - actual[i]) - (AbsoluteTolerance + (RelativeTolerance * Math.Abs(expected[i])));
            if (excess > worst)
            {
                (worst, worstAt) = (excess, i);
            }
        }

        Assert.True(worst <= 0, $"{what}[{worstAt}]: reference {expected[worstAt]:R}, kernels {actual[worstAt]:R}");
    }
}

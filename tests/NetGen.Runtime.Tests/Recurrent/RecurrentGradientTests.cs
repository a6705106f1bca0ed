using System;
using System.Collections.Generic;
using NetGen.Internal;
using NetGen.Tests.Gradients;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// The backward pass of each cell against central differences of L = Σ w ⊙ output, the loss computed in double from the
/// float forward pass, for every weight, bias and input element, in the style of <see cref="GradientCheck"/>: a step of
/// 2e-3·max(1, |θ|), the relative error |a − n| / max(|a|, |n|, floor). The floor is 1e-2·max(1, Σ|wᵢ·outputᵢ|) rather
/// than of |L|: the float outputs' rounding, which the central difference divides by the step, grows with the terms of
/// the sum, and these sums of many terms of either sign often cancel to a small L.
/// </summary>
public sealed class RecurrentGradientTests
{
    private const double Step = 2e-3;
    private const double Floor = 1e-2;

    /// <summary>The float loss's rounding and the central difference's truncation keep these near 1e-3; a wrong term is off by far more.</summary>
    private const double Tolerance = 1e-2;

    public static TheoryData<RecurrentCell, bool, int> Cases()
    {
        var cases = new TheoryData<RecurrentCell, bool, int>();
        foreach (var cell in new[] { RecurrentCell.SimpleRnn, RecurrentCell.Lstm, RecurrentCell.Gru })
        {
            foreach (var returnSequences in new[] { true, false })
            {
                // 3 units: the scalar end of each row alone; 9: a Vector<float> of 8 and an end of 1; 25: a 512-bit
                // vector of 16 where those are fast, a Vector<float> and an end of 1.
                cases.Add(cell, returnSequences, 3);
                cases.Add(cell, returnSequences, 9);
                cases.Add(cell, returnSequences, 25);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradients_match_central_differences(RecurrentCell cell, bool returnSequences, int units)
    {
        var shape = new RecurrentShape(cell, steps: 4, features: 3, units, returnSequences, truncation: 0);
        AssertGradientsMatch(new RecurrentLayer(shape, batch: 3, seed: 5 + units), default(TanhActivation));
    }

    [Fact]
    public void Simple_rnn_gradients_match_with_a_scalar_activation_and_no_bias()
    {
        var shape = new RecurrentShape(RecurrentCell.SimpleRnn, steps: 5, features: 2, units: 10, returnSequences: true, truncation: 0);
        AssertGradientsMatch(new RecurrentLayer(shape, batch: 2, bias: false, seed: 21), default(ArcTanActivation));
    }

    [Fact]
    public void Simple_rnn_gradients_match_with_a_sigmoid()
    {
        var shape = new RecurrentShape(RecurrentCell.SimpleRnn, steps: 4, features: 3, units: 9, returnSequences: false, truncation: 0);
        AssertGradientsMatch(new RecurrentLayer(shape, batch: 2, seed: 31), default(SigmoidActivation));
    }

    [Theory]
    [InlineData(RecurrentCell.Lstm)]
    [InlineData(RecurrentCell.Gru)]
    public void Gated_gradients_match_without_biases(RecurrentCell cell)
    {
        var shape = new RecurrentShape(cell, steps: 4, features: 3, units: 9, returnSequences: true, truncation: 0);
        AssertGradientsMatch(new RecurrentLayer(shape, batch: 2, bias: false, seed: 41), default(TanhActivation));
    }

    private static void AssertGradientsMatch<TActivation>(RecurrentLayer layer, TActivation activation)
        where TActivation : struct, IActivation
    {
        var shape = layer.Shape;
        var input = GradientChecker.RandomArray(layer.Batch * shape.InputSize, seed: 7, -1.5f, 1.5f);
        var lossWeights = GradientChecker.RandomArray(layer.Batch * shape.OutputSize, seed: 8);
        var floor = Floor * Math.Max(1.0, Magnitude(layer.Forward(input, activation), lossWeights));
        layer.Backward(input, lossWeights, activation);

        var tensors = new List<(string Name, float[] Values, float[] Analytic)>();
        foreach (var (name, values, gradient) in layer.Parameters)
        {
            tensors.Add((name, values, (float[])gradient.Clone()));
        }

        tensors.Add(("input", input, (float[])layer.InputDelta.Clone()));
        var checkedElements = 0;
        foreach (var (name, values, analytic) in tensors)
        {
            var worst = 0.0;
            var worstAt = -1;
            var worstNumeric = 0.0;
            for (var i = 0; i < values.Length; i++)
            {
                var original = values[i];
                var h = Step * Math.Max(1.0, Math.Abs(original));
                var up = (float)(original + h);
                var down = (float)(original - h);
                values[i] = up;
                var lossUp = RecurrentLayer.Loss(layer.Forward(input, activation), lossWeights);
                values[i] = down;
                var lossDown = RecurrentLayer.Loss(layer.Forward(input, activation), lossWeights);
                values[i] = original;
                var numeric = (lossUp - lossDown) / ((double)up - down);
                var error = Math.Abs(analytic[i] - numeric) / Math.Max(Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric)), floor);
                if (error > worst)
                {
                    (worst, worstAt, worstNumeric) = (error, i, numeric);
                }

                checkedElements++;
            }

            Assert.True(worst <= Tolerance,
                $"{shape}, {typeof(TActivation).Name}: ∂L/∂{name}[{worstAt}] is {(worstAt < 0 ? 0 : analytic[worstAt])}, " +
                $"central differences give {worstNumeric} (relative error {worst:E2})");
        }

        Assert.True(checkedElements > 0);
    }

    /// <summary>Σ |wᵢ·outputᵢ|.</summary>
    private static double Magnitude(float[] output, float[] lossWeights)
    {
        var sum = 0.0;
        for (var i = 0; i < output.Length; i++)
        {
            sum += Math.Abs((double)lossWeights[i] * output[i]);
        }

        return sum;
    }
}

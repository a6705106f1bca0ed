using System;
using System.Linq;
using NetGen.Samples.Sequences;

namespace NetGen.Samples.Tests.Sequences;

/// <summary>The adding problem's data is what the sample says: two markers, one in each half, and the sum of the marked values as the target.</summary>
public sealed class AddingProblemTests
{
    private const int Samples = 500;

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(50)]
    public void Every_sequence_marks_exactly_two_steps_one_in_each_half(int steps)
    {
        var (inputs, _) = AddingProblem.Generate(Samples, steps, seed: 3);

        for (var sample = 0; sample < Samples; sample++)
        {
            var marked = Markers(inputs, sample, steps);
            Assert.Equal(2, marked.Length);
            Assert.InRange(marked[0], 0, (steps / 2) - 1);
            Assert.InRange(marked[1], steps / 2, steps - 1);
        }
    }

    [Fact]
    public void Markers_are_zero_or_one_and_values_lie_in_the_unit_interval()
    {
        var (inputs, _) = AddingProblem.Generate(Samples, 30, seed: 3);

        for (var i = 0; i < inputs.Length; i += AddingProblem.Features)
        {
            Assert.InRange(inputs[i], 0f, 0.99999994f);
            Assert.True(inputs[i + 1] is 0f or 1f, $"marker {inputs[i + 1]} at float {i + 1}");
        }
    }

    [Fact]
    public void The_target_is_the_sum_of_the_two_marked_values()
    {
        const int steps = 30;
        var (inputs, targets) = AddingProblem.Generate(Samples, steps, seed: 3);

        Assert.Equal(Samples, targets.Length);
        for (var sample = 0; sample < Samples; sample++)
        {
            var sum = Markers(inputs, sample, steps).Sum(step => inputs[(((sample * steps) + step) * AddingProblem.Features)]);
            Assert.Equal(sum, targets[sample]);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        var first = AddingProblem.Generate(100, 10, seed: 5);
        var again = AddingProblem.Generate(100, 10, seed: 5);
        var other = AddingProblem.Generate(100, 10, seed: 6);

        Assert.Equal(first.Inputs, again.Inputs);
        Assert.Equal(first.Targets, again.Targets);
        Assert.NotEqual(first.Targets, other.Targets);
    }

    [Fact]
    public void Always_predicting_one_scores_about_a_sixth()
    {
        var (_, targets) = AddingProblem.Generate(100_000, 10, seed: 7);
        var ones = Enumerable.Repeat(1f, targets.Length).ToArray();

        // The sum of two uniform values has mean 1 and variance 1/6; over 100,000 sums the estimate is within about ±0.001.
        Assert.Equal(AddingProblem.BaselineMse, AddingProblem.MeanSquaredError(ones, targets), 0.005);
    }

    [Fact]
    public void The_mean_squared_error_refuses_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => AddingProblem.MeanSquaredError(new float[3], new float[2]));
    }

    private static int[] Markers(float[] inputs, int sample, int steps)
        => Enumerable.Range(0, steps).Where(step => inputs[(((sample * steps) + step) * AddingProblem.Features) + 1] != 0f).ToArray();
}

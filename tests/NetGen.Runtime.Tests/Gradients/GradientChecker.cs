using System;
using System.Collections.Generic;

namespace NetGen.Tests.Gradients;

/// <summary>
/// Compares a network's analytic gradients with central finite differences of its loss:
/// (L(θ + ε) − L(θ − ε)) / 2ε, parameter by parameter. Parameters whose one-sided differences
/// disagree sit on a kink (ReLU at 0, a step, |x| at 0) where no derivative exists; they are skipped
/// and counted. The loss is the training-mode loss of one fixed step: the step count is set back before
/// each evaluation, so dropout draws the same mask every time (and batch statistics are the batch's).
/// </summary>
internal static class GradientChecker
{
    private const float Epsilon = 2e-3f;
    private const double RelativeTolerance = 1e-3;
    private const double AbsoluteTolerance = 2e-4;

    public sealed record Result(int Checked, int SkippedAtKinks, double WorstRelativeError, IReadOnlyList<string> Failures);

    public static Result Check(INetwork network, float[] inputs, float[] targets)
    {
        var step = network.TrainingSteps;
        network.ComputeGradients(inputs, targets);
        var analytic = network.Gradients.ToArray();
        double TrainingLoss()
        {
            network.TrainingSteps = step;
            return network.ComputeGradients(inputs, targets);
        }

        var parameters = network.Parameters;
        var failures = new List<string>();
        var skipped = 0;
        var worst = 0.0;

        for (var i = 0; i < parameters.Length; i++)
        {
            var original = parameters[i];
            var center = TrainingLoss();
            parameters[i] = original + Epsilon;
            var plus = TrainingLoss();
            parameters[i] = original - Epsilon;
            var minus = TrainingLoss();
            parameters[i] = original;

            var forward = (plus - center) / Epsilon;
            var backward = (center - minus) / Epsilon;
            var numeric = (plus - minus) / (2 * Epsilon);
            if (Math.Abs(forward - backward) > (0.02 * Math.Max(Math.Abs(forward), Math.Abs(backward))) + 2e-3)
            {
                skipped++;
                continue;
            }

            var difference = Math.Abs(analytic[i] - numeric);
            var scale = Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric));
            if (scale > AbsoluteTolerance / RelativeTolerance)
            {
                worst = Math.Max(worst, difference / scale);
            }

            if (difference > (RelativeTolerance * scale) + AbsoluteTolerance)
            {
                failures.Add($"{ParameterName(network, i)}: analytic {analytic[i]:G6}, numeric {numeric:G6}");
            }
        }

        return new Result(parameters.Length - skipped, skipped, worst, failures);
    }

    /// <summary>Sets every parameter uniform in [−scale, scale], biases and PReLU slopes included, so that none is at a special value.</summary>
    public static void Randomize(INetwork network, int seed, float scale = 0.8f)
    {
        var random = new SeededRandom(seed);
        var parameters = network.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = random.NextUniform(-scale, scale);
        }
    }

    public static float[] RandomArray(int length, int seed, float low = -1f, float high = 1f)
    {
        var random = new SeededRandom(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = random.NextUniform(low, high);
        }

        return values;
    }

    private static string ParameterName(INetwork network, int index)
    {
        foreach (var tensor in network.ParameterTensors)
        {
            if (index >= tensor.Offset && index < tensor.Offset + tensor.Length)
            {
                return $"{tensor.Name}[{index - tensor.Offset}]";
            }
        }

        return $"parameter {index}";
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Internal;

namespace NetGen;

/// <summary>
/// Checks a network's backward pass against central finite differences of its loss, tensor by tensor, and names the
/// worst element of each. The loss differentiated is the one <see cref="INetwork.ComputeGradients"/> returns, in
/// training mode: dropout, DropConnect and noisy activations draw from the step count, so the check sets
/// <see cref="INetwork.TrainingSteps"/> back before every evaluation and each one replays the same step's masks and
/// noise; batch normalisation uses the batch's statistics. The check leaves the network as it found it: parameters,
/// state (the running statistics each evaluation updates) and step count restored, and <see cref="INetwork.Gradients"/>
/// holding the analytic gradients it checked.
/// </summary>
public static class GradientCheck
{
    /// <summary>Float rounding units (2⁻²⁴ of the loss) a batch's loss may be off by, sums and activations included.</summary>
    private const double LossRoundingUnits = 8;

    /// <summary>How far, as a share of the full step's slope gap, the half step's gap may stray from half of it on a smooth loss.</summary>
    private const double KinkShare = 0.25;

    /// <summary>Compares <paramref name="network"/>'s gradients on one batch with central differences of its loss.</summary>
    /// <param name="network">The network to check, at the parameters to check it at.</param>
    /// <param name="inputs">A batch of inputs, sample after sample.</param>
    /// <param name="targets">The batch's targets, sample after sample.</param>
    /// <param name="options">Which elements to probe, the step and the error's floor; the defaults when null.</param>
    /// <returns>Per parameter tensor, the worst relative error, where, and the elements that sat on kinks.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static GradientCheckReport Run(
        INetwork network, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new GradientCheckOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxElementsPerTensor, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Step, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Floor, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.KinkTolerance, nameof(options));

        var snapshot = new NetworkSnapshot(network);
        var step = network.TrainingSteps;
        try
        {
            double center = TrainingLoss(network, step, inputs, targets);
            var analytic = network.Gradients.ToArray();
            var floor = options.Floor * Math.Max(1.0, Math.Abs(center));
            var tensors = new List<TensorGradientCheck>(network.ParameterTensors.Count);
            foreach (var tensor in network.ParameterTensors)
            {
                var indices = SampledIndices(tensor, options);
                var elements = new GradientCheckElement[indices.Length];
                for (var i = 0; i < indices.Length; i++)
                {
                    elements[i] = Probe(network, step, inputs, targets, tensor, indices[i], analytic[tensor.Offset + indices[i]], center, floor, options);
                }

                var worst = elements.Where(element => !element.AtKink).MaxBy(element => GradientCheckReport.Severity(element.RelativeError));
                tensors.Add(new TensorGradientCheck(tensor, elements.Length, worst, elements.Where(element => element.AtKink).ToArray()));
            }

            snapshot.Restore(network);
            TrainingLoss(network, step, inputs, targets); // so that Gradients hold the analytic gradients checked
            return new GradientCheckReport(network.Name, center, floor, options, tensors);
        }
        finally
        {
            snapshot.Restore(network);
        }
    }

    private static GradientCheckElement Probe(INetwork network, long step, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets,
        ParameterTensor tensor, int index, double analytic, double center, double floor, GradientCheckOptions options)
    {
        var bufferIndex = tensor.Offset + index;
        var h = options.Step * Math.Max(1.0, Math.Abs(network.Parameters[bufferIndex]));
        var full = Differentiate(network, step, inputs, targets, bufferIndex, h, center);
        // A float loss's rounding error, as it shows in a slope over h: what two slopes may differ by for no other reason.
        var noise = LossRoundingUnits * Math.Max(1.0, Math.Abs(center)) / (1 << 24) / h;
        // Probing again at half the step tells a kink from curvature. Curvature separates the one-sided slopes by h·L″,
        // which halves with the step, and moves the central difference by O(h²); a kink at θ keeps its whole jump in
        // the gap, and one between θ and θ ± h moves the central difference as the step shrinks past it.
        var half = Differentiate(network, step, inputs, targets, bufferIndex, h / 2, center);
        var gapDisagrees = Math.Abs(full.Gap) > (options.KinkTolerance * Math.Max(Math.Abs(full.Forward), Math.Abs(full.Backward))) + noise
            && Math.Abs(half.Gap - (full.Gap / 2)) > (KinkShare * Math.Abs(full.Gap)) + (2 * noise);
        var centralMoves = Math.Abs(half.Central - full.Central)
            > (options.KinkTolerance * Math.Max(Math.Abs(full.Central), Math.Abs(half.Central))) + (2 * noise);
        var atKink = gapDisagrees || centralMoves;

        var relativeError = double.IsFinite(analytic) && double.IsFinite(full.Central)
            ? Math.Abs(analytic - full.Central) / Math.Max(Math.Max(Math.Abs(analytic), Math.Abs(full.Central)), floor)
            : double.NaN;
        var coordinates = new TensorElement(tensor, index).Coordinates;
        return new GradientCheckElement(tensor, index, coordinates, analytic, full.Central, relativeError, atKink);
    }

    /// <summary>The slopes of the loss at parameter <paramref name="bufferIndex"/> over steps of <paramref name="h"/> each way.</summary>
    private static Slopes Differentiate(INetwork network, long step, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets,
        int bufferIndex, double h, double center)
    {
        var parameters = network.Parameters;
        var original = parameters[bufferIndex];
        // The parameter is a float: measure the steps actually taken, after rounding, rather than trusting h.
        var up = (float)(original + h);
        var down = (float)(original - h);
        var stepUp = (double)up - original;
        var stepDown = original - (double)down;

        parameters[bufferIndex] = up;
        double lossUp = TrainingLoss(network, step, inputs, targets);
        parameters[bufferIndex] = down;
        double lossDown = TrainingLoss(network, step, inputs, targets);
        parameters[bufferIndex] = original;

        return new Slopes((lossUp - center) / stepUp, (center - lossDown) / stepDown, (lossUp - lossDown) / (stepUp + stepDown));
    }

    /// <summary>The training-mode loss of step <paramref name="step"/> + 1, however often it is asked for.</summary>
    private static float TrainingLoss(INetwork network, long step, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        network.TrainingSteps = step;
        return network.ComputeGradients(inputs, targets);
    }

    /// <summary>Every index of a small tensor; a seeded sample without repetition, in order, of a large one.</summary>
    private static int[] SampledIndices(ParameterTensor tensor, GradientCheckOptions options)
    {
        var length = tensor.Length;
        var indices = Enumerable.Range(0, length).ToArray();
        if (length <= options.MaxElementsPerTensor)
        {
            return indices;
        }

        var random = new SeededRandom(((long)options.SampleSeed << 32) | (uint)tensor.Offset); // a different sample per tensor
        for (var i = 0; i < options.MaxElementsPerTensor; i++)
        {
            var j = i + random.NextInt(length - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var sample = indices[..options.MaxElementsPerTensor];
        Array.Sort(sample);
        return sample;
    }

    /// <summary>One-sided and central slopes of the loss; <see cref="Gap"/> is how far the one-sided ones disagree.</summary>
    private readonly record struct Slopes(double Forward, double Backward, double Central)
    {
        public double Gap => Forward - Backward;
    }
}

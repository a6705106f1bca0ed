using System;
using System.ComponentModel;

namespace NetGen.Internal;

/// <summary>
/// Losses over a batch. Each returns the sum of the per-sample losses (in double) and, unless
/// <c>gradient</c> is empty, writes <c>scale</c> × the derivative of that sum with respect to the
/// output (or, for the cross-entropies, the logits), so the caller picks mean (scale 1/batch) or sum.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LossKernels
{
    /// <summary>½ Σ (y − t)²; gradient y − t.</summary>
    public static double SquaredError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> gradient, float scale)
    {
        var sum = 0.0;
        var writeGradient = !gradient.IsEmpty;
        for (var i = 0; i < output.Length; i++)
        {
            var difference = output[i] - target[i];
            sum += 0.5 * difference * difference;
            if (writeGradient)
            {
                gradient[i] = scale * difference;
            }
        }

        return sum;
    }

    /// <summary>Σ |y − t|; gradient sign(y − t) (0 where equal).</summary>
    public static double AbsoluteError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> gradient, float scale)
    {
        var sum = 0.0;
        var writeGradient = !gradient.IsEmpty;
        for (var i = 0; i < output.Length; i++)
        {
            var difference = output[i] - target[i];
            sum += Math.Abs(difference);
            if (writeGradient)
            {
                gradient[i] = scale * MathF.Sign(difference);
            }
        }

        return sum;
    }

    /// <summary>
    /// Rosenblatt's perceptron criterion on binary-step outputs: Σ |t − y| (the misclassified outputs); gradient y − t,
    /// taken as the gradient with respect to z (straight through the step), so SGD steps w by η(t − y)x.
    /// </summary>
    public static double Perceptron(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> gradient, float scale)
    {
        var sum = 0.0;
        var writeGradient = !gradient.IsEmpty;
        for (var i = 0; i < output.Length; i++)
        {
            var difference = output[i] - target[i];
            sum += Math.Abs(difference);
            if (writeGradient)
            {
                gradient[i] = scale * difference;
            }
        }

        return sum;
    }

    /// <summary>
    /// Binary cross-entropy of sigmoid(z), from the logits z: max(z, 0) − z·t + ln(1 + e^−|z|), which never
    /// takes the log of 0; gradient with respect to z: sigmoid(z) − t.
    /// </summary>
    public static double BinaryCrossEntropyWithLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> target, Span<float> gradient, float scale)
    {
        var sum = 0.0;
        var writeGradient = !gradient.IsEmpty;
        for (var i = 0; i < logits.Length; i++)
        {
            double z = logits[i];
            double t = target[i];
            sum += Math.Max(z, 0) - (z * t) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            if (writeGradient)
            {
                gradient[i] = scale * (SigmoidActivation.Sigmoid(logits[i]) - target[i]);
            }
        }

        return sum;
    }

    /// <summary>
    /// Softmax cross-entropy from the logits, −Σⱼ tⱼ (zⱼ − logsumexp z) per row; gradient with respect to z:
    /// softmax(z)ⱼ·Σₖ tₖ − tⱼ (softmax − t for one-hot or probability targets).
    /// </summary>
    public static double SoftmaxCrossEntropy(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> target, Span<float> gradient, int batch, int classes, float scale)
    {
        var sum = 0.0;
        var writeGradient = !gradient.IsEmpty;
        for (var row = 0; row < batch * classes; row += classes)
        {
            var z = logits.Slice(row, classes);
            var t = target.Slice(row, classes);
            var max = float.NegativeInfinity;
            for (var j = 0; j < classes; j++)
            {
                max = MathF.Max(max, z[j]);
            }

            var expSum = 0.0;
            for (var j = 0; j < classes; j++)
            {
                expSum += Math.Exp(z[j] - max);
            }

            var logSumExp = max + Math.Log(expSum);
            var targetSum = 0f;
            for (var j = 0; j < classes; j++)
            {
                sum -= t[j] * (z[j] - logSumExp);
                targetSum += t[j];
            }

            if (writeGradient)
            {
                var g = gradient.Slice(row, classes);
                for (var j = 0; j < classes; j++)
                {
                    var probability = (float)Math.Exp(z[j] - logSumExp);
                    g[j] = scale * ((probability * targetSum) - t[j]);
                }
            }
        }

        return sum;
    }
}

using System;
using NetGen.Cpu;
using NetGen.Internal;

namespace NetGen.Tests.Gradients;

/// <summary>The loss values themselves, against their formulas in double (the gradient checks only prove consistency).</summary>
public sealed class LossValueTests
{
    private static readonly float[] Outputs = [0.3f, -1.2f, 2.5f, 0f, -0.7f, 4f];
    private static readonly float[] Targets = [0.5f, -1f, 2f, 1f, 0f, 1f];

    [Fact]
    public void Squared_error_is_half_the_sum_of_squares()
    {
        var expected = 0.0;
        for (var i = 0; i < Outputs.Length; i++)
        {
            expected += 0.5 * Math.Pow(Outputs[i] - Targets[i], 2);
        }

        Assert.Equal(expected, LossKernels.SquaredError(Outputs, Targets, default, 1f), 6);
    }

    [Fact]
    public void Absolute_error_is_the_sum_of_absolute_differences()
    {
        var expected = 0.0;
        for (var i = 0; i < Outputs.Length; i++)
        {
            expected += Math.Abs(Outputs[i] - Targets[i]);
        }

        Assert.Equal(expected, LossKernels.AbsoluteError(Outputs, Targets, default, 1f), 6);
    }

    [Fact]
    public void Perceptron_loss_counts_the_misclassified_outputs_and_its_gradient_is_y_minus_t()
    {
        float[] steps = [1f, 0f, 1f, 0f, 1f];
        float[] labels = [1f, 1f, 0f, 0f, 1f];
        var gradient = new float[steps.Length];

        Assert.Equal(2.0, LossKernels.Perceptron(steps, labels, gradient, 0.5f));
        Assert.Equal([0f, -0.5f, 0.5f, 0f, 0f], gradient);
    }

    [Fact]
    public void Binary_cross_entropy_from_logits_equals_the_textbook_form_and_survives_large_logits()
    {
        float[] logits = [0.3f, -2f, 5f, 0f];
        float[] targets = [1f, 0f, 0.25f, 1f];
        var expected = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var p = 1.0 / (1.0 + Math.Exp(-logits[i]));
            expected -= (targets[i] * Math.Log(p)) + ((1 - targets[i]) * Math.Log(1 - p));
        }

        Assert.Equal(expected, LossKernels.BinaryCrossEntropyWithLogits(logits, targets, default, 1f), 5);

        var extreme = LossKernels.BinaryCrossEntropyWithLogits([100f, -100f], [0f, 1f], default, 1f);
        Assert.Equal(200.0, extreme, 3);
    }

    [Fact]
    public void Softmax_cross_entropy_equals_minus_log_softmax_of_the_target_class_and_survives_large_logits()
    {
        float[] logits = [1f, 2f, 0.5f, -3f, 0f, 3f];
        float[] targets = [0f, 1f, 0f, 0f, 0f, 1f];
        var expected = 0.0;
        for (var row = 0; row < 2; row++)
        {
            var sum = 0.0;
            for (var j = 0; j < 3; j++)
            {
                sum += Math.Exp(logits[(row * 3) + j]);
            }

            var target = row == 0 ? 1 : 2;
            expected -= Math.Log(Math.Exp(logits[(row * 3) + target]) / sum);
        }

        Assert.Equal(expected, LossKernels.SoftmaxCrossEntropy(logits, targets, default, 2, 3, 1f), 5);

        var extreme = LossKernels.SoftmaxCrossEntropy([1000f, 0f], [0f, 1f], default, 1, 2, 1f);
        Assert.Equal(1000.0, extreme, 3);
    }

    [Fact]
    public void Gradients_are_scaled_by_the_reduction_factor()
    {
        var gradient = new float[Outputs.Length];
        LossKernels.SquaredError(Outputs, Targets, gradient, 0.5f);
        for (var i = 0; i < Outputs.Length; i++)
        {
            Assert.Equal(0.5f * (Outputs[i] - Targets[i]), gradient[i], 6);
        }
    }
}

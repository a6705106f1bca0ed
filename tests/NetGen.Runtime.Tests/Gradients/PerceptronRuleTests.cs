using NetGen.Optimizers;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Gradients;

/// <summary>
/// The perceptron loss's gradient is Rosenblatt's rule, not a derivative (the step's is 0): one SGD step with batch 1 and
/// rate η must move w by η(t − y)x and b by η(t − y), and the gradient of a batch must be the mean of (y − t)x.
/// </summary>
public sealed class PerceptronRuleTests
{
    private const float LearningRate = 0.25f;

    [Fact]
    public void One_sgd_step_with_batch_one_is_rosenblatts_update()
    {
        var network = new PerceptronNet();
        GradientChecker.Randomize(network, seed: 5);
        float[] input = [0.5f, -1.5f, 2f];
        var targets = new float[PerceptronNet.OutputSize];
        var before = network.Parameters.ToArray();
        var outputs = new float[PerceptronNet.OutputSize];
        network.Forward(input, outputs);
        for (var unit = 0; unit < targets.Length; unit++)
        {
            targets[unit] = 1f - outputs[unit];
        }

        network.TrainStep(input, targets, new Sgd(LearningRate));

        var expected = RosenblattStep(before, input, outputs, targets);
        Assert.Equal(expected.Length, network.Parameters.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], network.Parameters[i], 6);
        }

        Assert.NotEqual(before, network.Parameters.ToArray());
    }

    [Fact]
    public void A_correctly_classified_sample_changes_nothing()
    {
        var network = new PerceptronNet();
        GradientChecker.Randomize(network, seed: 6);
        float[] input = [1f, 2f, -0.5f];
        var outputs = new float[PerceptronNet.OutputSize];
        network.Forward(input, outputs);
        var before = network.Parameters.ToArray();

        var loss = network.TrainStep(input, outputs, new Sgd(LearningRate));

        Assert.Equal(0f, loss);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void The_batch_gradient_is_the_mean_of_y_minus_t_times_x_and_the_loss_the_misclassified_fraction()
    {
        var network = new PerceptronNet();
        GradientChecker.Randomize(network, seed: 7);
        const int batch = 4;
        var inputs = GradientChecker.RandomArray(batch * 3, seed: 8, -2f, 2f);
        var outputs = new float[batch * 2];
        network.Forward(inputs, outputs);
        float[] targets = [outputs[0], 1f - outputs[1], 1f - outputs[2], 1f - outputs[3], outputs[4], outputs[5], outputs[6], 1f - outputs[7]];

        var loss = network.ComputeGradients(inputs, targets);

        Assert.Equal(4f / batch, loss, 6);
        var weightGradient = PerceptronNet.Layers.Unit.Weight.Slice(network.Gradients);
        var biasGradient = PerceptronNet.Layers.Unit.Bias.Slice(network.Gradients);
        for (var unit = 0; unit < 2; unit++)
        {
            var expectedBias = 0f;
            for (var sample = 0; sample < batch; sample++)
            {
                expectedBias += (outputs[(sample * 2) + unit] - targets[(sample * 2) + unit]) / batch;
            }

            Assert.Equal(expectedBias, biasGradient[unit], 6);
            for (var feature = 0; feature < 3; feature++)
            {
                var expected = 0f;
                for (var sample = 0; sample < batch; sample++)
                {
                    expected += (outputs[(sample * 2) + unit] - targets[(sample * 2) + unit]) * inputs[(sample * 3) + feature] / batch;
                }

                Assert.Equal(expected, weightGradient[(unit * 3) + feature], 6);
            }
        }
    }

    /// <summary>w ← w + η(t − y)x and b ← b + η(t − y) for each unit, on a copy of the parameters laid out as PerceptronNet's.</summary>
    private static float[] RosenblattStep(float[] parameters, float[] input, float[] outputs, float[] targets)
    {
        var updated = (float[])parameters.Clone();
        var weight = PerceptronNet.Layers.Unit.Weight;
        var bias = PerceptronNet.Layers.Unit.Bias;
        for (var unit = 0; unit < outputs.Length; unit++)
        {
            var error = targets[unit] - outputs[unit];
            for (var feature = 0; feature < input.Length; feature++)
            {
                updated[weight.Offset + (unit * input.Length) + feature] += LearningRate * error * input[feature];
            }

            updated[bias.Offset + unit] += LearningRate * error;
        }

        return updated;
    }
}

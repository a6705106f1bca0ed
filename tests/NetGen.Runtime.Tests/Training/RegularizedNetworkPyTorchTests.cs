using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Optimizers;
using NetGen.Tests.Networks;
using Xunit.Abstractions;

namespace NetGen.Tests.Training;

/// <summary>
/// Batch normalisation and dropout together in a trained network, against PyTorch on the same weights, batches and dropout
/// masks (Reference/regularized_network.pytorch.json, written by Reference/pytorch_regularized_network.py, which draws
/// NetGen's masks with the same Philox stream): the loss and train-mode logits of three Adam steps, every parameter and
/// running statistic after each, then inference with the running statistics and no dropout.
/// </summary>
public sealed class RegularizedNetworkPyTorchTests(ITestOutputHelper output)
{
    private const float AbsoluteTolerance = 2e-5f;
    private const float RelativeTolerance = 1e-4f;
    private const int Classes = 3;

    private double _worstError;
    private string _worstWhat = "";

    [Fact]
    public void Three_adam_steps_and_inference_match_pytorch()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "regularized_network.pytorch.json")));
        var reference = document.RootElement;
        var network = new BatchNormDropoutNet();
        network.Initialize(seed: reference.GetProperty("seed").GetInt32());
        SetParameters(network, reference.GetProperty("initial"));
        var optimizer = new Adam(learningRate: (float)reference.GetProperty("learning_rate").GetDouble());

        foreach (var step in reference.GetProperty("steps").EnumerateArray())
        {
            var labels = step.GetProperty("labels").EnumerateArray().Select(label => label.GetInt32()).ToArray();
            var targets = new float[labels.Length * Classes];
            for (var sample = 0; sample < labels.Length; sample++)
            {
                targets[(sample * Classes) + labels[sample]] = 1f;
            }

            var loss = network.TrainStep(Floats(step, "x"), targets, optimizer);

            var what = $"step {network.TrainingSteps}";
            AssertClose([(float)step.GetProperty("loss").GetDouble()], [loss], $"{what}: loss");
            AssertClose(Floats(step, "logits"), network.LastOutputs.ToArray(), $"{what}: train-mode logits");
            foreach (var tensor in network.ParameterTensors)
            {
                AssertClose(Floats(step.GetProperty("parameters"), tensor.Name), tensor.Slice(network.Parameters).ToArray(), $"{what}: {tensor.Name}");
            }

            AssertClose(Floats(step, "running_mean"), BatchNormDropoutNet.Layers.Norm.RunningMean.Slice(network.State).ToArray(), $"{what}: running mean");
            AssertClose(Floats(step, "running_var"), BatchNormDropoutNet.Layers.Norm.RunningVariance.Slice(network.State).ToArray(), $"{what}: running variance");
        }

        var inference = reference.GetProperty("inference");
        var expected = Floats(inference, "logits");
        var outputs = new float[expected.Length];
        network.Forward(Floats(inference, "x"), outputs);
        AssertClose(expected, outputs, "inference logits");
        output.WriteLine($"largest difference from PyTorch: {_worstError:G3} ({_worstWhat})");
    }

    private static void SetParameters(INetwork network, JsonElement values)
    {
        foreach (var tensor in network.ParameterTensors)
        {
            Floats(values, tensor.Name).CopyTo(tensor.Slice(network.Parameters));
        }
    }

    private void AssertClose(IReadOnlyList<float> expected, IReadOnlyList<float> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var tolerance = AbsoluteTolerance + (RelativeTolerance * Math.Abs(expected[i]));
            var error = Math.Abs(expected[i] - actual[i]);
            if (error > _worstError)
            {
                (_worstError, _worstWhat) = (error, $"{what}[{i}]");
            }

            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}[{i}]: PyTorch {expected[i]:R}, NetGen {actual[i]:R}");
        }
    }

    private static float[] Floats(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(value => (float)value.GetDouble()).ToArray();
}

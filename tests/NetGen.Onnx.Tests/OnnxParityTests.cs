using System;
using System.Linq;
using NetGen.Onnx.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NetGen.Onnx.Tests;

/// <summary>ONNX Runtime, running an exported model, computes what the network's <c>Forward</c> computes, to float noise.</summary>
public sealed class OnnxParityTests(ITestOutputHelper output)
{
    private const int Batch = 5;

    /// <summary>Float noise: the two sum products in different orders (and ORT's exp, tanh, atan are not .NET's).</summary>
    private const float Tolerance = 1e-4f;

    public static TheoryData<string> Networks => TestNetworks.Names;

    [Theory]
    [MemberData(nameof(Networks))]
    public void OnnxRuntimeMatchesForward(string name)
    {
        var network = TestNetworks.Create(name);
        var inputs = TestNetworks.RandomInputs(network, Batch, seed: 2);
        var expected = new float[Batch * network.OutputSize];
        network.Forward(inputs, expected);

        var actual = OnnxRunner.Run(OnnxRunner.Export(network), network, inputs);

        var error = OnnxRunner.MaxAbsoluteError(expected, actual);
        output.WriteLine($"{name}: max |ONNX Runtime − Forward| = {error:E2} over {expected.Length} outputs (largest |output| {expected.Max(Math.Abs):G4})");
        Assert.True(error <= Tolerance, $"{name}: ONNX Runtime differs from Forward by {error:E2}");
    }

    [Theory]
    [InlineData("Samples.MnistMlp")]
    [InlineData("Samples.LeNet5")]
    [InlineData("SpatialDropoutNet")]
    public void AppendSoftmaxGivesPredictsProbabilities(string name)
    {
        var network = TestNetworks.Create(name);
        Assert.Equal(Loss.SoftmaxCrossEntropy, network.Loss);
        var inputs = TestNetworks.RandomInputs(network, Batch, seed: 3);
        var logits = new float[Batch * network.OutputSize];
        network.Forward(inputs, logits);
        var expected = Softmax(logits, network.OutputSize);

        var actual = OnnxRunner.Run(OnnxRunner.Export(network, new OnnxExportOptions { AppendSoftmax = true }), network, inputs);

        var error = OnnxRunner.MaxAbsoluteError(expected, actual);
        output.WriteLine($"{name} with softmax: max |ONNX Runtime − softmax(Forward)| = {error:E2}");
        Assert.True(error <= 1e-6f, $"{name}: {error:E2}");
        Assert.True(OnnxRunner.MaxAbsoluteError(logits, actual) > 1e-2f, "the logits came out unchanged");
    }

    [Fact]
    public void TheSamplesPredictMatchesTheModelWithSoftmax()
    {
        var network = TestNetworks.Create("Samples.MnistMlp");
        var inputs = TestNetworks.RandomInputs(network, Batch, seed: 4);
        var predictions = new float[Batch * network.OutputSize];
        ((Samples.Mnist.MnistMlp)network).Predict(inputs, predictions);

        var actual = OnnxRunner.Run(OnnxRunner.Export(network, new OnnxExportOptions { AppendSoftmax = true }), network, inputs);

        Assert.True(OnnxRunner.MaxAbsoluteError(predictions, actual) <= 1e-6f);
    }

    [Theory]
    [InlineData(OnnxExportOptions.MinimumOpset)]
    [InlineData(OnnxExportOptions.MaximumOpset)]
    public void EveryOpsetWrittenRunsTheSameModel(int opset)
    {
        foreach (var name in new[] { "Samples.RegularizedLeNet", "MaxoutNet", "BinaryStepNet", "PReluNet" })
        {
            var network = TestNetworks.Create(name);
            var inputs = TestNetworks.RandomInputs(network, Batch, seed: 5);
            var expected = new float[Batch * network.OutputSize];
            network.Forward(inputs, expected);

            var actual = OnnxRunner.Run(OnnxRunner.Export(network, new OnnxExportOptions { Opset = opset }), network, inputs);

            Assert.True(OnnxRunner.MaxAbsoluteError(expected, actual) <= Tolerance, $"{name} at opset {opset}");
        }
    }

    private static float[] Softmax(float[] logits, int classes)
    {
        var probabilities = new float[logits.Length];
        for (var row = 0; row < logits.Length; row += classes)
        {
            var max = logits.AsSpan(row, classes).ToArray().Max();
            var sum = 0.0;
            for (var i = row; i < row + classes; i++)
            {
                sum += Math.Exp(logits[i] - max);
            }

            for (var i = row; i < row + classes; i++)
            {
                probabilities[i] = (float)(Math.Exp(logits[i] - max) / sum);
            }
        }

        return probabilities;
    }
}

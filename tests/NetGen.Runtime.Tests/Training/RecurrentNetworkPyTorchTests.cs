using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Optimizers;
using NetGen.Tests.Networks;
using Xunit.Abstractions;

namespace NetGen.Tests.Training;

/// <summary>
/// Recurrent networks against PyTorch on the same weights and batch (Reference/recurrent_network.pytorch.json, written by
/// Reference/pytorch_recurrent_network.py): nn.LSTM, nn.GRU and nn.RNN (tanh and ReLU) under nn.Linear and cross-entropy, the
/// same truncated to chunks of k steps with the state detached between them (NetGen's Bptt = k), and a GRU and a truncated
/// LSTM stacked, both returning every step, under a per-step linear layer and the squared error. For each: the outputs of
/// Forward, the loss and every gradient of ComputeGradients, and every parameter after one Adam step of TrainStep.
/// </summary>
public sealed class RecurrentNetworkPyTorchTests(ITestOutputHelper output)
{
    /// <summary>Float rounding over 7 steps: about 1e-7 on these values; a wrong gate, order or truncation is off by 1e-2 and more.</summary>
    private const double Tolerance = 1e-5;

    public static TheoryData<string> Cases => new()
    {
        nameof(LstmClassifier), nameof(GruClassifier), nameof(RnnClassifier), nameof(ReluRnnClassifier),
        nameof(TruncatedLstmClassifier), nameof(TruncatedGruClassifier), nameof(TruncatedRnnClassifier), nameof(StackedSequenceRegressor),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Outputs_gradients_and_one_adam_step_match_pytorch(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "recurrent_network.pytorch.json")));
        var record = document.RootElement.GetProperty("cases").EnumerateArray().Single(item => item.GetProperty("network").GetString() == name);
        var (network, trainStep) = Create(name);
        Load(network, record.GetProperty("initial"));
        var inputs = Floats(record.GetProperty("x"));
        var targets = Floats(record.GetProperty("targets"));
        var expectedOutputs = Floats(record.GetProperty("outputs"));
        Assert.Equal(6 * network.InputSize, inputs.Length);
        Assert.Equal(6 * network.OutputSize, expectedOutputs.Length);

        var outputs = new float[expectedOutputs.Length];
        network.Forward(inputs, outputs);
        var outputError = AssertClose(expectedOutputs, outputs, name + " outputs");

        var loss = network.ComputeGradients(inputs, targets);
        var lossError = AssertClose([(float)record.GetProperty("loss").GetDouble()], [loss], name + " loss");
        var gradientError = network.ParameterTensors.Max(tensor =>
            AssertClose(Floats(record.GetProperty("gradients").GetProperty(tensor.Name)), tensor.Slice(network.Gradients).ToArray(), name + " gradient of " + tensor.Name));

        var learningRate = (float)document.RootElement.GetProperty("learning_rate").GetDouble();
        var trainLoss = trainStep(inputs, targets, new Adam(learningRate));
        Assert.Equal(loss, trainLoss);
        var stepError = network.ParameterTensors.Max(tensor =>
            AssertClose(Floats(record.GetProperty("after_adam").GetProperty(tensor.Name)), tensor.Slice(network.Parameters).ToArray(), name + " " + tensor.Name + " after Adam"));

        output.WriteLine($"{name}: largest difference from PyTorch: outputs {outputError:E2}, loss {lossError:E2}, gradients {gradientError:E2}, " +
                         $"parameters after Adam {stepError:E2} (smallest |gradient| {record.GetProperty("smallest_gradient").GetDouble():E2})");
    }

    /// <summary>Every parameter tensor from the fixture, by NetGen name, and every value of the network's buffer set.</summary>
    private static void Load(INetwork network, JsonElement parameters)
    {
        network.Parameters.Fill(float.NaN);
        foreach (var tensor in network.ParameterTensors)
        {
            var values = Floats(parameters.GetProperty(tensor.Name));
            Assert.Equal(tensor.Length, values.Length);
            values.CopyTo(tensor.Slice(network.Parameters));
        }

        Assert.Equal(parameters.EnumerateObject().Count(), network.ParameterTensors.Count);
        Assert.DoesNotContain(network.Parameters.ToArray(), float.IsNaN);
    }

    /// <summary>Asserts every value within <see cref="Tolerance"/> of PyTorch's, naming the worst; returns the largest difference.</summary>
    private static double AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var (worst, at) = (0.0, 0);
        for (var i = 0; i < expected.Length; i++)
        {
            var error = Math.Abs((double)expected[i] - actual[i]);
            if (!(error <= worst))
            {
                (worst, at) = (error, i);
            }
        }

        Assert.True(worst <= Tolerance, $"{what}: largest difference {worst:E2} at [{at}]: PyTorch {expected[at]:R}, NetGen {actual[at]:R}");
        return worst;
    }

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(value => value.GetSingle()).ToArray();

    // The generated TrainStep is a member of each network class, not of INetwork.
    private static (INetwork Network, Func<float[], float[], Optimizer, float> TrainStep) Create(string name)
    {
        switch (name)
        {
            case nameof(LstmClassifier):
                var lstm = new LstmClassifier();
                return (lstm, (x, t, optimizer) => lstm.TrainStep(x, t, optimizer));
            case nameof(GruClassifier):
                var gru = new GruClassifier();
                return (gru, (x, t, optimizer) => gru.TrainStep(x, t, optimizer));
            case nameof(RnnClassifier):
                var rnn = new RnnClassifier();
                return (rnn, (x, t, optimizer) => rnn.TrainStep(x, t, optimizer));
            case nameof(ReluRnnClassifier):
                var relu = new ReluRnnClassifier();
                return (relu, (x, t, optimizer) => relu.TrainStep(x, t, optimizer));
            case nameof(TruncatedLstmClassifier):
                var truncatedLstm = new TruncatedLstmClassifier();
                return (truncatedLstm, (x, t, optimizer) => truncatedLstm.TrainStep(x, t, optimizer));
            case nameof(TruncatedGruClassifier):
                var truncatedGru = new TruncatedGruClassifier();
                return (truncatedGru, (x, t, optimizer) => truncatedGru.TrainStep(x, t, optimizer));
            case nameof(TruncatedRnnClassifier):
                var truncatedRnn = new TruncatedRnnClassifier();
                return (truncatedRnn, (x, t, optimizer) => truncatedRnn.TrainStep(x, t, optimizer));
            case nameof(StackedSequenceRegressor):
                var stacked = new StackedSequenceRegressor();
                return (stacked, (x, t, optimizer) => stacked.TrainStep(x, t, optimizer));
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "No such case.");
        }
    }
}

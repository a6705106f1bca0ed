using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Tests.Networks;
using Xunit.Abstractions;

namespace NetGen.Tests.Checkpoints;

/// <summary>
/// PyTorch state dicts, written as safetensors by Reference/pytorch_safetensors.py with PyTorch's own names
/// ("hidden.weight", "norm.running_var", "norm.num_batches_tracked", "lstm.weight_ih_l0"), load into NetGen's networks
/// of the same layers, which then compute PyTorch's eval-mode outputs (Reference/safetensors.pytorch.json).
/// </summary>
public sealed class SafeTensorsPyTorchTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-5;
    private const double AbsoluteFloor = 1e-6;

    [Theory]
    [InlineData("BatchNormNet")]
    [InlineData("SpatialBatchNormNet")]
    [InlineData("LstmClassifier")]
    public void A_pytorch_state_dict_loads_and_computes_pytorchs_outputs(string networkName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Reference("safetensors.pytorch.json")));
        var record = document.RootElement.GetProperty("cases").EnumerateArray().Single(item => item.GetProperty("network").GetString() == networkName);
        INetwork network = networkName switch
        {
            "BatchNormNet" => new BatchNormNet(),
            "SpatialBatchNormNet" => new SpatialBatchNormNet(),
            "LstmClassifier" => new LstmClassifier(),
            _ => throw new ArgumentOutOfRangeException(nameof(networkName), networkName, "No such case."),
        };
        var initialState = network.State.ToArray();

        SafeTensors.Load(network, Reference(record.GetProperty("file").GetString()!));

        if (network.StateTensors.Count > 0)
        {
            Assert.NotEqual(initialState, network.State.ToArray()); // PyTorch's running statistics arrived
        }

        var inputs = Floats(record.GetProperty("inputs"));
        var expected = Floats(record.GetProperty("outputs"));
        var outputs = new float[expected.Length];
        network.Forward(inputs, outputs);
        var (absolute, relative) = (0.0, 0.0);
        for (var i = 0; i < expected.Length; i++)
        {
            var error = Math.Abs((double)outputs[i] - expected[i]);
            (absolute, relative) = (Math.Max(absolute, error), Math.Max(relative, error / Math.Abs(expected[i])));
            Assert.True(error <= RelativeTolerance * Math.Abs(expected[i]) + AbsoluteFloor, $"output {i}: NetGen {outputs[i]:R}, PyTorch {expected[i]:R}");
        }

        output.WriteLine($"{networkName}: largest difference from PyTorch {absolute:E2} absolute, {relative:E2} relative");
    }

    private static string Reference(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(value => value.GetSingle()).ToArray();
}

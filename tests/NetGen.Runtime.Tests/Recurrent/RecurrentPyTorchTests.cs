using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Internal;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// The recurrent kernels against PyTorch's nn.RNN (tanh), nn.LSTM and nn.GRU on the same weights and inputs
/// (Reference/recurrent.pytorch.json, written by Reference/pytorch_recurrent.py): the output, and the gradients of every
/// parameter and of the input for a fixed upstream gradient, with full and truncated backpropagation through time.
/// </summary>
public sealed class RecurrentPyTorchTests
{
    /// <summary>Float against float, in a different order of operations: a few units in the last place of values near 1.</summary>
    private const double Tolerance = 1e-5;

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var index = 0; index < ReferenceCase.Count; index++)
        {
            data.Add(index);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_kernels_match_pytorch(int index)
    {
        var reference = ReferenceCase.Load(index);
        var shape = reference.Shape;
        var layer = new RecurrentLayer(shape, reference.Batch);
        reference.WeightIh.CopyTo(layer.InputWeight);
        reference.WeightHh.CopyTo(layer.RecurrentWeight);
        reference.BiasIh.CopyTo(layer.InputBias);
        reference.BiasHh.CopyTo(layer.RecurrentBias);

        var output = layer.Forward(reference.X);
        layer.Backward(reference.X, reference.Upstream);

        var comparisons = new[]
        {
            Compare(reference.Output, output, "output"),
            Compare(reference.GradWeightIh, layer.InputWeightGradient, "∂L/∂weight_ih"),
            Compare(reference.GradWeightHh, layer.RecurrentWeightGradient, "∂L/∂weight_hh"),
            Compare(reference.GradBiasIh, layer.InputBiasGradient, "∂L/∂bias_ih"),
            Compare(reference.GradBiasHh, layer.RecurrentBiasGradient, "∂L/∂bias_hh"),
            Compare(reference.GradX, layer.InputDelta, "∂L/∂x"),
        };

        Assert.True(comparisons.All(comparison => comparison.Passed),
            $"{reference.Name}: max abs errors {string.Join(", ", comparisons.Select(comparison => comparison.Summary))}");
    }

    /// <summary>The largest error, where, and whether every element is within the tolerance (relative above 1 in size).</summary>
    private static (bool Passed, string Summary) Compare(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var errors = expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).ToArray();
        var worst = Array.IndexOf(errors, errors.Max());
        var passed = expected.Select((e, i) => errors[i] <= Tolerance * Math.Max(1.0, Math.Abs(e))).All(within => within);
        return (passed, FormattableString.Invariant($"{what} {errors[worst]:E2} at [{worst}] (PyTorch {expected[worst]:R}, NetGen {actual[worst]:R})"));
    }

    private sealed record ReferenceCase(
        string Name, RecurrentShape Shape, int Batch, float[] WeightIh, float[] WeightHh, float[] BiasIh, float[] BiasHh,
        float[] X, float[] Upstream, float[] Output,
        float[] GradWeightIh, float[] GradWeightHh, float[] GradBiasIh, float[] GradBiasHh, float[] GradX)
    {
        public static int Count
        {
            get
            {
                using var document = Open();
                return document.RootElement.GetProperty("cases").GetArrayLength();
            }
        }

        public static ReferenceCase Load(int index)
        {
            using var document = Open();
            var json = document.RootElement.GetProperty("cases")[index];
            var shape = new RecurrentShape(
                Enum.Parse<RecurrentCell>(json.GetProperty("cell").GetString()!), json.GetProperty("steps").GetInt32(),
                json.GetProperty("features").GetInt32(), json.GetProperty("units").GetInt32(),
                json.GetProperty("returnSequences").GetBoolean(), json.GetProperty("truncation").GetInt32());
            return new ReferenceCase(
                json.GetProperty("name").GetString()!, shape, json.GetProperty("batch").GetInt32(),
                Floats(json, "weightIh"), Floats(json, "weightHh"), Floats(json, "biasIh"), Floats(json, "biasHh"),
                Floats(json, "x"), Floats(json, "upstream"), Floats(json, "output"),
                Floats(json, "gradWeightIh"), Floats(json, "gradWeightHh"), Floats(json, "gradBiasIh"), Floats(json, "gradBiasHh"),
                Floats(json, "gradX"));
        }

        private static JsonDocument Open() =>
            JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "recurrent.pytorch.json")));

        private static float[] Floats(JsonElement element, string name) =>
            element.GetProperty(name).EnumerateArray().Select(value => (float)value.GetDouble()).ToArray();
    }
}

using System;
using System.Linq;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Sources;

namespace NetGen.Generator.Tests;

/// <summary>
/// What the generator computes for recurrent layers at build time: parameter counts (PyTorch's: G·H·(F + H) weights and
/// 2·G·H biases), the summary, the layer descriptions in <see cref="INetwork.Layers"/> with their options, and the initial
/// weights (PyTorch's ±1/√H unless an initializer is declared).
/// </summary>
public sealed class RecurrentConstantsTests
{
    /// <summary>The rows of a 28×28 image as 28 steps of 28 features into 128 LSTM units, then 10 logits.</summary>
    private const string RowLstm = """
        using NetGen;

        namespace Demo;

        [Network(Loss = Loss.SoftmaxCrossEntropy)]
        [Input(28, 28, Sequence = true)]
        [Lstm(128, Name = "Memory")]
        [Dense(10, Name = "Logits")]
        public partial class RowLstm;
        """;

    private const string Initializers = """
        using NetGen;

        namespace Demo;

        [Network]
        [Input(4, 3, Sequence = true)]
        [Lstm(16, Name = "PyTorchRule", ReturnSequences = true)]
        [Gru(9, Name = "Declared", Initializer = Initializer.XavierUniform)]
        [Dense(1)]
        public partial class InitializedNet;
        """;

    [Fact]
    public void LstmParameterCountIsPyTorchs()
    {
        var run = GeneratorHarness.Run(RowLstm);
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);

        // 4 gates × 128 units × (28 inputs + 128 recurrent) weights, and two biases of 4 × 128.
        Assert.Equal(80_896, (4 * 128 * (28 + 128)) + (2 * 4 * 128));
        Assert.Equal(80_896, assembly.Constant("Demo.RowLstm+Layers+Memory", "ParameterCount"));
        Assert.Equal(28 * 28, assembly.Constant("Demo.RowLstm+Layers+Memory", "InputSize"));
        Assert.Equal(128, assembly.Constant("Demo.RowLstm+Layers+Memory", "OutputSize"));
        Assert.Equal(80_896 + 1_290, assembly.Constant("Demo.RowLstm", "ParameterCount"));
        Assert.Equal(784, assembly.Constant("Demo.RowLstm", "InputSize"));
        Assert.Equal(10, assembly.Constant("Demo.RowLstm", "OutputSize"));
    }

    [Fact]
    public void LstmSummaryHasOneLinePerLayer()
    {
        var run = GeneratorHarness.Run(RowLstm);
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);

        Assert.Equal(
            "Network RowLstm (loss: SoftmaxCrossEntropy, mean over the batch)\n" +
            "Layer   Kind   Output shape  Activation  Parameters\n" +
            "Input   Input  28×28                              0\n" +
            "Memory  Lstm   128                           80,896\n" +
            "Logits  Dense  10            Identity         1,290\n" +
            "Total parameters: 82,186",
            assembly.Constant("Demo.RowLstm", "Summary"));
    }

    [Fact]
    public void StackedRecurrentSummaryShowsSequencesAndEveryCellsCount()
    {
        var run = GeneratorHarness.Run(ValidNetworks.Recurrent);
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);

        // GRU(3→5): 3·5·(3 + 5) + 2·3·5 = 150; Elman(5→4) without bias: 4·(5 + 4) = 36; LSTM(3→7): 4·7·(3 + 7) + 2·4·7 = 336.
        Assert.Equal(
            "Network RecurrentNet (loss: SoftmaxCrossEntropy, mean over the batch)\n" +
            "Layer    Kind       Output shape  Activation  Parameters\n" +
            "Input    Input      6×3                                0\n" +
            "Encoder  Gru        6×5                              150\n" +
            "Elman    SimpleRnn  6×4           ReLU                36\n" +
            "PerStep  Dense      6×3           Tanh                15\n" +
            "Memory   Lstm       7                                336\n" +
            "Logits   Dense      2             Identity            16\n" +
            "Total parameters: 553",
            assembly.Constant("Demo.RecurrentNet", "Summary"));
        Assert.Equal(150, assembly.Constant("Demo.RecurrentNet+Layers+Encoder", "ParameterCount"));
        Assert.Equal(36, assembly.Constant("Demo.RecurrentNet+Layers+Elman", "ParameterCount"));
        Assert.Equal(15, assembly.Constant("Demo.RecurrentNet+Layers+PerStep", "ParameterCount"));
        Assert.Equal(336, assembly.Constant("Demo.RecurrentNet+Layers+Memory", "ParameterCount"));
        Assert.Equal(6 * 5, assembly.Constant("Demo.RecurrentNet+Layers+Encoder", "OutputSize"));
        Assert.Equal(6 * 3, assembly.Constant("Demo.RecurrentNet+Layers+PerStep", "OutputSize"));
    }

    [Fact]
    public void RecurrentLayersDescribeTheirOptionsAndPyTorchShapedTensors()
    {
        var run = GeneratorHarness.Run(ValidNetworks.Recurrent);
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);
        var network = Assert.IsAssignableFrom<INetwork>(Activator.CreateInstance(assembly.Assembly.GetType("Demo.RecurrentNet")!));

        Assert.Equal(["Encoder", "Elman", "PerStep", "Memory", "Logits"], network.Layers.Select(layer => layer.Name));
        Assert.Equal([6, 3], network.Layers[0].InputShape);

        var encoder = Assert.IsType<RecurrentLayerInfo>(network.Layers[0]);
        Assert.Equal(LayerKind.Gru, encoder.Kind);
        Assert.Equal(5, encoder.Units);
        Assert.True(encoder.ReturnSequences);
        Assert.Equal(0, encoder.Truncation);
        Assert.Equal([6, 5], encoder.OutputShape);
        AssertTensor("Encoder.InputWeight", [15, 3], encoder.InputWeight);
        AssertTensor("Encoder.RecurrentWeight", [15, 5], encoder.RecurrentWeight);
        AssertTensor("Encoder.InputBias", [15], encoder.InputBias);
        AssertTensor("Encoder.RecurrentBias", [15], encoder.RecurrentBias);
        Assert.Equal(Activation.Identity, encoder.Activation.Function);

        var elman = Assert.IsType<RecurrentLayerInfo>(network.Layers[1]);
        Assert.Equal(LayerKind.SimpleRnn, elman.Kind);
        Assert.Equal(Activation.ReLU, elman.Activation.Function);
        Assert.True(elman.ReturnSequences);
        Assert.Equal([6, 5], elman.InputShape);
        Assert.Equal([6, 4], elman.OutputShape);
        Assert.Equal([4, 5], elman.InputWeight.Shape.ToArray());
        Assert.Equal([4, 4], elman.RecurrentWeight.Shape.ToArray());
        Assert.Null(elman.InputBias);
        Assert.Null(elman.RecurrentBias);
        Assert.Equal(["Elman.InputWeight", "Elman.RecurrentWeight"], elman.Parameters.Select(tensor => tensor.Name));

        var perStep = Assert.IsType<DenseLayerInfo>(network.Layers[2]);
        Assert.Equal([6, 4], perStep.InputShape);
        Assert.Equal([6, 3], perStep.OutputShape);
        Assert.Equal([3, 4], perStep.Weight.Shape.ToArray());

        var memory = Assert.IsType<RecurrentLayerInfo>(network.Layers[3]);
        Assert.Equal(LayerKind.Lstm, memory.Kind);
        Assert.Equal(7, memory.Units);
        Assert.False(memory.ReturnSequences);
        Assert.Equal(3, memory.Truncation);
        Assert.Equal([6, 3], memory.InputShape);
        Assert.Equal([7], memory.OutputShape);
        Assert.Equal([28, 3], memory.InputWeight.Shape.ToArray());
        Assert.Equal([28, 7], memory.RecurrentWeight.Shape.ToArray());
        Assert.Equal([28], memory.InputBias!.Shape.ToArray());

        Assert.Equal(553, network.ParameterCount);
        Assert.Equal(network.ParameterCount, network.ParameterTensors.Sum(tensor => tensor.Length));
    }

    [Fact]
    public void RecurrentWeightsStartAsPyTorchsUnlessAnInitializerIsDeclared()
    {
        var run = GeneratorHarness.Run(Initializers);
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);
        var network = Assert.IsAssignableFrom<INetwork>(Activator.CreateInstance(assembly.Assembly.GetType("Demo.InitializedNet")!));
        float[] Values(string name) => network.ParameterTensors.Single(tensor => tensor.Name == name).Slice(network.Parameters).ToArray();

        // PyTorch's rule: every weight and bias uniform in ±1/√H, H = 16, so ±0.25, and spread over the range.
        foreach (var name in new[] { "PyTorchRule.InputWeight", "PyTorchRule.RecurrentWeight", "PyTorchRule.InputBias", "PyTorchRule.RecurrentBias" })
        {
            var values = Values(name);
            Assert.All(values, value => Assert.InRange(value, -0.25f, 0.25f));
            Assert.True(values.Max(Math.Abs) > 0.2f, name + " stays far inside ±1/√H: " + values.Max(Math.Abs));
        }

        // Xavier uniform on each matrix with its own fan-in (3 features or 9 units, fan-out 3·9), biases zero.
        Assert.All(Values("Declared.InputWeight"), value => Assert.InRange(value, -MathF.Sqrt(6f / (16 + 27)), MathF.Sqrt(6f / (16 + 27))));
        Assert.All(Values("Declared.RecurrentWeight"), value => Assert.InRange(value, -MathF.Sqrt(6f / (9 + 27)), MathF.Sqrt(6f / (9 + 27))));
        Assert.Contains(Values("Declared.RecurrentWeight"), value => value != 0f);
        Assert.All(Values("Declared.InputBias"), value => Assert.Equal(0f, value));
        Assert.All(Values("Declared.RecurrentBias"), value => Assert.Equal(0f, value));
    }

    private static void AssertTensor(string name, int[] shape, ParameterTensor? tensor)
    {
        Assert.NotNull(tensor);
        Assert.Equal(name, tensor.Name);
        Assert.Equal(shape, tensor.Shape.ToArray());
    }
}

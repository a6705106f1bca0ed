using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using NetGen.Tests.Networks;
using NetGen.Tests.Training.NonFinite;

namespace NetGen.Tests.Checkpoints;

/// <summary>
/// Which file tensor fills which network tensor (exact name, then ignoring case, then PyTorch's batch-normalisation and recurrent names),
/// and what a missing, misshapen, mistyped, ambiguous or extra tensor is told: all of it at once, the network unchanged.
/// </summary>
public sealed class SafeTensorsNameMatchingTests : TemporaryDirectory
{
    private static readonly Dictionary<string, string> s_pyTorchNames = new()
    {
        ["Hidden.Weight"] = "hidden.weight", ["Hidden.Bias"] = "hidden.bias",
        ["Norm.Gamma"] = "norm.weight", ["Norm.Beta"] = "norm.bias",
        ["Norm.RunningMean"] = "norm.running_mean", ["Norm.RunningVariance"] = "norm.running_var",
        ["Output.Weight"] = "output.weight", ["Output.Bias"] = "output.bias",
    };

    private readonly BatchNormNet _source = TrainedNetworks.Create<BatchNormNet>(seed: 8);

    [Fact]
    public void PyTorch_names_load_with_the_batch_counter_skipped()
    {
        var path = PathOf("pytorch.safetensors");
        var tensors = SafeTensorsFiles.TensorsOf(_source, name => s_pyTorchNames[name]);
        tensors.Add(new SafeTensorsFiles.Tensor("norm.num_batches_tracked", "I64", [], BitConverter.GetBytes(3L)));
        SafeTensorsFiles.Write(path, tensors);
        var network = new BatchNormNet();

        SafeTensors.Load(network, path);

        Assert.Equal(NonFiniteStepTests.Bits(_source.Parameters), NonFiniteStepTests.Bits(network.Parameters));
        Assert.Equal(NonFiniteStepTests.Bits(_source.State), NonFiniteStepTests.Bits(network.State));
    }

    [Fact]
    public void An_exact_name_wins_over_one_equal_ignoring_case()
    {
        var path = PathOf("both.safetensors");
        var tensors = SafeTensorsFiles.TensorsOf(_source);
        var decoy = tensors.Single(tensor => tensor.Name == "Output.Bias") with { Name = "output.bias", Data = new byte[8] };
        tensors.Add(decoy);
        SafeTensorsFiles.Write(path, tensors);
        var network = new BatchNormNet();

        SafeTensors.Load(network, path, ignoreExtra: true);

        Assert.Equal(_source.ParameterTensors[^1].Slice(_source.Parameters).ToArray(), network.ParameterTensors[^1].Slice(network.Parameters).ToArray());
    }

    [Fact]
    public void Names_equal_only_ignoring_case_are_ambiguous()
    {
        var tensors = SafeTensorsFiles.TensorsOf(_source, name => name == "Output.Bias" ? "output.bias" : name);
        tensors.Add(tensors[^1] with { Name = "OUTPUT.BIAS" });

        var error = LoadRefused(tensors);

        Assert.Contains("'Output.Bias' [2] is ambiguous: the file has 'output.bias' and 'OUTPUT.BIAS'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tensor_is_named_with_the_names_looked_for()
    {
        var tensors = SafeTensorsFiles.TensorsOf(_source).Where(tensor => tensor.Name != "Norm.RunningVariance").ToList();

        var error = LoadRefused(tensors);

        Assert.Contains("no tensor for 'Norm.RunningVariance' [6] (looked for 'Norm.RunningVariance', 'Norm.running_var', ignoring case)", error.Message, StringComparison.Ordinal);
        Assert.Contains("BatchNormNet was left unchanged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shape_mismatch_names_both_shapes()
    {
        var tensors = SafeTensorsFiles.TensorsOf(_source, name => s_pyTorchNames[name]);
        tensors[0] = tensors[0] with { Shape = [5, 6] }; // hidden.weight transposed

        var error = LoadRefused(tensors);

        Assert.Contains("'Hidden.Weight' (the file's 'hidden.weight') is [5, 6] in the file but [6, 5] in the network", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("F16", 2)]
    [InlineData("BF16", 2)]
    [InlineData("I32", 4)]
    public void A_tensor_of_another_element_type_is_refused_naming_it(string dtype, int elementBytes)
    {
        var tensors = SafeTensorsFiles.TensorsOf(_source);
        tensors[1] = tensors[1] with { DType = dtype, Data = new byte[6 * elementBytes] }; // Hidden.Bias [6]

        var error = LoadRefused(tensors);

        Assert.Contains($"'Hidden.Bias' has dtype '{dtype}', which NetGen does not load: save it as F32 (F64 is converted)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void F64_tensors_load_rounded_to_float()
    {
        var path = PathOf("f64.safetensors");
        var tensors = SafeTensorsFiles.TensorsOf(_source);
        var doubles = new[] { 0.1, -2.5e-3, 1e10, 1.0 / 3, -7, 0.5 };
        tensors[1] = new SafeTensorsFiles.Tensor("Hidden.Bias", "F64", [6], MemoryMarshal.AsBytes(doubles.AsSpan()).ToArray());
        SafeTensorsFiles.Write(path, tensors);
        var network = new BatchNormNet();

        SafeTensors.Load(network, path);

        Assert.Equal(doubles.Select(value => (float)value), network.ParameterTensors[1].Slice(network.Parameters).ToArray());
    }

    [Fact]
    public void Extra_tensors_are_refused_listing_them_unless_ignored()
    {
        var path = PathOf("extra.safetensors");
        var tensors = SafeTensorsFiles.TensorsOf(_source);
        tensors.Add(SafeTensorsFiles.Tensor.F32("Head.Weight", [2], [1, 2]));
        tensors.Add(SafeTensorsFiles.Tensor.F32("bad\u0007name", [1], [3]));
        SafeTensorsFiles.Write(path, tensors);
        var network = new BatchNormNet();
        var before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(network, path));

        Assert.Contains("the file's 'Head.Weight' F32 [2], 'bad\\u0007name' F32 [1] fill no tensor of the network (pass ignoreExtra: true to skip them)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, network.Parameters.ToArray());
        SafeTensors.Load(network, path, ignoreExtra: true);
        Assert.Equal(_source.Parameters.ToArray(), network.Parameters.ToArray());
    }

    [Fact]
    public void Every_problem_is_listed_and_a_file_of_another_layout_says_so()
    {
        var path = PathOf("spatial.safetensors");
        var other = new SpatialBatchNormNet();
        SafeTensors.Save(other, path);
        var network = new BatchNormNet();
        var before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(network, path));

        Assert.Contains($"{path} does not fit BatchNormNet: no tensor for 'Hidden.Weight' [6, 5]", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Norm.Gamma' is [3] in the file but [6] in the network", error.Message, StringComparison.Ordinal);
        Assert.Contains("the file's 'Conv.Weight' F32 [3, 2, 3, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("The file was saved for another layout of network 'SpatialBatchNormNet': its layout hash is", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Long_lists_of_problems_and_of_extra_tensors_are_cut_and_counted()
    {
        var lenetPath = PathOf("lenet.safetensors");
        var batchNormPath = PathOf("bn.safetensors");
        SafeTensors.Save(new LeNet5(), lenetPath);
        SafeTensors.Save(_source, batchNormPath);

        var tooManyExtra = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(new BatchNormNet(), lenetPath));
        var tooManyMissing = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(new LeNet5(), batchNormPath));

        Assert.Contains("'Full2.Bias' F32 [84] and 2 more fill no tensor of the network", tooManyExtra.Message, StringComparison.Ordinal); // LeNet5's 10 tensors
        Assert.Contains("no tensor for 'Full2.Bias' [84] (looked for 'Full2.Bias', ignoring case); 2 more such problems;", tooManyMissing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lstm")]
    [InlineData("Gru")]
    [InlineData("Rnn")]
    public void PyTorch_names_of_a_recurrent_layer_load(string layer)
    {
        var path = PathOf("recurrent.safetensors");
        var source = Recurrent(layer);
        source.Initialize(seed: 8);
        SafeTensorsFiles.Write(path, SafeTensorsFiles.TensorsOf(source, PyTorchRecurrentName));
        var network = Recurrent(layer);

        SafeTensors.Load(network, path);

        Assert.Equal(NonFiniteStepTests.Bits(source.Parameters), NonFiniteStepTests.Bits(network.Parameters));
    }

    [Fact]
    public void A_missing_recurrent_tensor_is_named_with_pytorchs_name_looked_for()
    {
        var path = PathOf("recurrent.safetensors");
        SafeTensorsFiles.Write(path, SafeTensorsFiles.TensorsOf(new LstmClassifier(), PyTorchRecurrentName).Where(tensor => tensor.Name != "lstm.bias_hh_l0"));

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(new LstmClassifier(), path));

        Assert.Contains("no tensor for 'Lstm.RecurrentBias' [20] (looked for 'Lstm.RecurrentBias', 'Lstm.bias_hh_l0', ignoring case)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transposed_recurrent_weight_names_both_shapes()
    {
        var path = PathOf("recurrent.safetensors");
        var tensors = SafeTensorsFiles.TensorsOf(new LstmClassifier(), PyTorchRecurrentName);
        tensors[0] = tensors[0] with { Shape = [3, 20] }; // lstm.weight_ih_l0 transposed

        SafeTensorsFiles.Write(path, tensors);
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(new LstmClassifier(), path));

        Assert.Contains("'Lstm.InputWeight' (the file's 'lstm.weight_ih_l0') is [3, 20] in the file but [20, 3] in the network", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The name PyTorch's state dict gives a tensor of the recurrent classifiers: "lstm.weight_ih_l0" for "Lstm.InputWeight".</summary>
    private static string PyTorchRecurrentName(string name)
    {
        var (layer, role) = (name[..name.IndexOf('.')].ToLowerInvariant(), name[(name.IndexOf('.') + 1)..]);
        return layer + "." + role switch
        {
            "InputWeight" => "weight_ih_l0",
            "RecurrentWeight" => "weight_hh_l0",
            "InputBias" => "bias_ih_l0",
            "RecurrentBias" => "bias_hh_l0",
            _ => role.ToLowerInvariant(),
        };
    }

    private static INetwork Recurrent(string layer) => layer switch
    {
        "Lstm" => new LstmClassifier(),
        "Gru" => new GruClassifier(),
        _ => new RnnClassifier(),
    };

    private InvalidDataException LoadRefused(IEnumerable<SafeTensorsFiles.Tensor> tensors)
    {
        var path = PathOf("refused.safetensors");
        SafeTensorsFiles.Write(path, tensors);
        var network = new BatchNormNet();
        var parameters = network.Parameters.ToArray();
        var state = network.State.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(network, path));

        Assert.StartsWith($"{path} does not fit BatchNormNet: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(parameters, network.Parameters.ToArray());
        Assert.Equal(state, network.State.ToArray());
        return error;
    }
}

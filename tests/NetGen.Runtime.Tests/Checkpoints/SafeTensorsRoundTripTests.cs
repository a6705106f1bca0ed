using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using NetGen.Tests.Networks;
using NetGen.Tests.Training.NonFinite;

namespace NetGen.Tests.Checkpoints;

/// <summary>SafeTensors.Save writes what Load reads back bit for bit, in the layout the format defines, with NetGen's metadata.</summary>
public sealed class SafeTensorsRoundTripTests : TemporaryDirectory
{
    [Fact]
    public void Parameters_and_batch_norm_state_load_back_bit_exact()
    {
        var path = PathOf("spatial.safetensors");
        var saved = TrainedNetworks.Create<SpatialBatchNormNet>(seed: 5);
        SafeTensors.Save(saved, path);
        var loaded = new SpatialBatchNormNet();
        loaded.Initialize(6);
        Assert.NotEqual(NonFiniteStepTests.Bits(saved.State), NonFiniteStepTests.Bits(loaded.State)); // the state has something to load

        SafeTensors.Load(loaded, path);

        Assert.Equal(NonFiniteStepTests.Bits(saved.Parameters), NonFiniteStepTests.Bits(loaded.Parameters));
        Assert.Equal(NonFiniteStepTests.Bits(saved.State), NonFiniteStepTests.Bits(loaded.State));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void The_header_lists_every_tensor_in_buffer_order_as_F32_and_the_data_is_its_raw_floats()
    {
        var path = PathOf("bn.safetensors");
        var network = TrainedNetworks.Create<BatchNormNet>(seed: 2);
        SafeTensors.Save(network, path);

        var (header, dataStart) = SafeTensorsFiles.ReadHeader(path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(0, dataStart % 8);
        long expectedBegin = 0;
        var tensors = network.ParameterTensors.Select(tensor => (Tensor: (NamedTensor)tensor, Values: network.Parameters.ToArray()))
            .Concat(network.StateTensors.Select(tensor => (Tensor: (NamedTensor)tensor, Values: network.State.ToArray())));
        foreach (var (tensor, values) in tensors)
        {
            var entry = header.GetProperty(tensor.Name);
            Assert.Equal("F32", entry.GetProperty("dtype").GetString());
            Assert.Equal(tensor.Shape, entry.GetProperty("shape").EnumerateArray().Select(dimension => dimension.GetInt32()));
            var offsets = entry.GetProperty("data_offsets").EnumerateArray().Select(offset => offset.GetInt64()).ToArray();
            Assert.Equal([expectedBegin, expectedBegin + tensor.Length * sizeof(float)], offsets);
            var data = bytes.AsSpan((int)(dataStart + offsets[0]), (int)(offsets[1] - offsets[0]));
            Assert.Equal(MemoryMarshal.AsBytes(tensor.Slice(values.AsSpan())).ToArray(), data.ToArray());
            expectedBegin = offsets[1];
        }

        Assert.Equal(bytes.Length, dataStart + expectedBegin);
        Assert.Equal(network.ParameterTensors.Count + network.StateTensors.Count + 1, header.EnumerateObject().Count());
    }

    [Fact]
    public void The_metadata_names_the_format_the_network_and_a_layout_hash_of_its_tensors()
    {
        string Layout(INetwork network, string file)
        {
            var path = PathOf(file);
            SafeTensors.Save(network, path);
            var metadata = SafeTensorsFiles.ReadHeader(path).Header.GetProperty("__metadata__");
            Assert.Equal("netgen", metadata.GetProperty("format").GetString());
            Assert.Equal(network.Name, metadata.GetProperty("network").GetString());
            Assert.False(string.IsNullOrEmpty(metadata.GetProperty("netgen").GetString()));
            return metadata.GetProperty("layout").GetString()!;
        }

        var layout = Layout(TrainedNetworks.Create<BatchNormNet>(1), "a.safetensors");

        Assert.Matches("^[0-9a-f]{64}$", layout);
        Assert.Equal(layout, Layout(TrainedNetworks.Create<BatchNormNet>(2), "b.safetensors")); // weights do not change it
        Assert.NotEqual(layout, Layout(new SpatialBatchNormNet(), "c.safetensors"));
        Assert.Equal(Layout(new DropoutNet(), "d.safetensors"), Layout(new DropoutFreeNet(), "e.safetensors")); // same tensors, same layout
    }

    [Fact]
    public void Tensors_load_by_name_into_another_network_class_with_the_same_tensors()
    {
        var path = PathOf("dropout.safetensors");
        var saved = new DropoutNet();
        saved.Initialize(3);
        SafeTensors.Save(saved, path);
        var loaded = new DropoutFreeNet();

        SafeTensors.Load(loaded, path);

        Assert.Equal(saved.Parameters.ToArray(), loaded.Parameters.ToArray());
    }

    [Fact]
    public void Checkpoint_load_of_a_safetensors_file_says_to_call_SafeTensors_Load()
    {
        var path = PathOf("xor.safetensors");
        SafeTensors.Save(new XorNet(), path);

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(new XorNet(), path));

        Assert.Contains("is a safetensors file", error.Message, StringComparison.Ordinal);
        Assert.Contains("SafeTensors.Load", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SafeTensors_load_of_an_ngw1_checkpoint_says_to_call_Checkpoint_Load()
    {
        var path = PathOf("xor.ngw");
        Checkpoint.Save(new XorNet(), path);

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(new XorNet(), path));

        Assert.Contains("is a NetGen NGW1 checkpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Checkpoint.Load", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_nan_weights_is_refused_naming_the_element_and_writes_nothing()
    {
        var path = PathOf("xor.safetensors");
        var network = new XorNet();
        network.Initialize(2);
        network.ParameterTensors[2].Slice(network.Parameters)[3] = float.NaN; // Output.Weight [0, 3]

        var error = Assert.Throws<InvalidOperationException>(() => SafeTensors.Save(network, path));

        Assert.Contains("parameter 'Output.Weight' element 3 [0, 3] is NaN", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Infinite_state_saves_and_loads_only_when_allowed()
    {
        var path = PathOf("bn.safetensors");
        var saved = TrainedNetworks.Create<BatchNormNet>(seed: 4);
        var tensor = saved.StateTensors[^1];
        tensor.Slice(saved.State)[1] = float.PositiveInfinity;
        SafeTensors.Save(saved, path, allowNonFinite: true);
        var network = new BatchNormNet();
        var before = network.State.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(network, path));

        Assert.Contains($"state '{tensor.Name}' element 1 [1] is +∞", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, network.State.ToArray());
        SafeTensors.Load(network, path, allowNonFinite: true);
        Assert.Equal(NonFiniteStepTests.Bits(saved.State), NonFiniteStepTests.Bits(network.State));
    }
}

using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Checkpoints;

/// <summary>A damaged safetensors file is reported as corrupt, saying what and at which bytes, and leaves the network unchanged.</summary>
public sealed class SafeTensorsCorruptionTests : TemporaryDirectory
{
    [Fact]
    public void A_file_shorter_than_the_header_length_is_corrupt()
    {
        var path = PathOf("short.safetensors");
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllBytes(path, [1, 2, 3]);

        AssertCorrupt(path, "it is 3 bytes long, too short for the 8-byte header length");
    }

    [Fact]
    public void A_header_length_beyond_the_file_is_corrupt()
    {
        var path = Saved();
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)bytes.Length);
        File.WriteAllBytes(path, bytes);

        AssertCorrupt(path, $"the header length (bytes 0 to 7) is {bytes.Length}, but only {bytes.Length - 8} bytes follow it");
    }

    [Fact]
    public void Malformed_json_is_corrupt_at_its_byte()
    {
        var path = PathOf("malformed.safetensors");
        SafeTensorsFiles.WriteRaw(path, "{\"Hidden.Weight\": {\"dtype\": F32}}", []);

        AssertCorrupt(path, "the JSON header (bytes 8 to 40) is malformed at byte 36");
    }

    [Fact]
    public void A_header_that_is_not_an_object_is_corrupt()
    {
        var path = PathOf("array.safetensors");
        SafeTensorsFiles.WriteRaw(path, "[1, 2]", []);

        AssertCorrupt(path, "the header (bytes 8 to 13) is a JSON array, not an object");
    }

    [Fact]
    public void A_tensor_listed_twice_is_corrupt()
    {
        var path = Saved();
        var (header, data) = Split(path);
        var json = header.ToJsonString();
        var hidden = "\"Hidden.Bias\":" + header["Hidden.Bias"]!.ToJsonString();
        SafeTensorsFiles.WriteRaw(path, json.Replace(hidden, hidden + "," + hidden, StringComparison.Ordinal), data);

        AssertCorrupt(path, "the header lists 'Hidden.Bias' twice");
    }

    [Fact]
    public void Data_offsets_beyond_the_data_are_corrupt()
    {
        var path = Saved();
        var (header, data) = Split(path);
        header["Output.Bias"]!["data_offsets"] = new JsonArray(data.Length - 4, data.Length + 4);
        SafeTensorsFiles.WriteRaw(path, header.ToJsonString(), data);

        AssertCorrupt(path, $"tensor 'Output.Bias' has data_offsets [{data.Length - 4}, {data.Length + 4}], outside the {data.Length} bytes of data after the header");
    }

    [Fact]
    public void A_truncated_file_is_corrupt_at_the_tensor_cut_short()
    {
        var path = Saved();
        var (header, data) = Split(path);
        var lastEnd = (long)header["Norm.RunningVariance"]!["data_offsets"]![1]!;
        SafeTensorsFiles.WriteRaw(path, header.ToJsonString(), data[..^10]);

        AssertCorrupt(path, $"tensor 'Norm.RunningVariance' has data_offsets [{lastEnd - 24}, {lastEnd}], outside the {data.Length - 10} bytes of data");
    }

    [Fact]
    public void Overlapping_tensors_are_corrupt_naming_both_and_their_bytes()
    {
        var path = Saved();
        var (header, data) = Split(path);
        header["Hidden.Bias"]!["data_offsets"] = new JsonArray(100, 124); // inside Hidden.Weight, bytes 0 to 119 of the data
        SafeTensorsFiles.WriteRaw(path, header.ToJsonString(), data);
        var dataStart = File.ReadAllBytes(path).Length - data.Length;

        AssertCorrupt(path, $"the data of tensors 'Hidden.Weight' (bytes {dataStart} to {dataStart + 119}) and 'Hidden.Bias' (bytes {dataStart + 100} to {dataStart + 123}) overlap");
    }

    [Fact]
    public void Data_offsets_that_do_not_span_the_shape_are_corrupt()
    {
        var path = Saved();
        var (header, data) = Split(path);
        header["Output.Bias"]!["shape"] = new JsonArray(3);
        SafeTensorsFiles.WriteRaw(path, header.ToJsonString(), data);

        AssertCorrupt(path, "tensor 'Output.Bias' F32 [3] has data_offsets");
        AssertCorrupt(path, "8 bytes, where its shape needs 12 bytes");
    }

    [Theory]
    [InlineData("shape", "[2, -1]", "tensor 'Output.Bias' has a \"shape\" item 1 that is not a non-negative integer")]
    [InlineData("shape", "\"2\"", "tensor 'Output.Bias' has no \"shape\" array")]
    [InlineData("data_offsets", "[0]", "tensor 'Output.Bias' has 1 data offset, not 2 (begin and end)")]
    [InlineData("dtype", "4", "tensor 'Output.Bias' has no \"dtype\" string")]
    public void A_damaged_tensor_entry_is_corrupt(string property, string json, string expected)
    {
        var path = Saved();
        var (header, data) = Split(path);
        header["Output.Bias"]![property] = JsonNode.Parse(json);
        SafeTensorsFiles.WriteRaw(path, header.ToJsonString(), data);

        AssertCorrupt(path, expected);
    }

    [Fact]
    public void Metadata_that_is_not_strings_is_corrupt()
    {
        var path = Saved();
        var (header, data) = Split(path);
        header["__metadata__"]!["epoch"] = 3;
        SafeTensorsFiles.WriteRaw(path, header.ToJsonString(), data);

        AssertCorrupt(path, "__metadata__ entry 'epoch' is not a string");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_after_a_plausible_header_length_are_reported_in_a_short_message(int seed)
    {
        var path = PathOf("random.safetensors");
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1000);
        bytes[8] = (byte)'{';
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllBytes(path, bytes);

        var error = AssertCorrupt(path, "is malformed at byte");

        Assert.True(error.Message.Length < path.Length + 200, error.Message);
        Assert.DoesNotContain(error.Message, character => char.IsControl(character) || character == '\uFFFD');
    }

    private string Saved()
    {
        var path = PathOf("bn.safetensors");
        SafeTensors.Save(TrainedNetworks.Create<BatchNormNet>(seed: 1), path);
        return path;
    }

    /// <summary>A saved file's header, editable, and its data.</summary>
    private static (JsonObject Header, byte[] Data) Split(string path)
    {
        var (header, dataStart) = SafeTensorsFiles.ReadHeader(path);
        return (JsonNode.Parse(header.GetRawText())!.AsObject(), File.ReadAllBytes(path)[(int)dataStart..]);
    }

    private static InvalidDataException AssertCorrupt(string path, string expected)
    {
        var network = new BatchNormNet();
        network.Initialize(9);
        var parameters = network.Parameters.ToArray();
        var state = network.State.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(network, path));

        Assert.StartsWith($"{path} is corrupt: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(parameters, network.Parameters.ToArray());
        Assert.Equal(state, network.State.ToArray());
        return error;
    }
}

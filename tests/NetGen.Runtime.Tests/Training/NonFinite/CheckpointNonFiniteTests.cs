using System;
using System.IO;
using System.Linq;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training.NonFinite;

/// <summary>Checkpoints refuse NaN and ±∞ weights unless asked, and report a damaged file as corrupt without echoing it.</summary>
public sealed class CheckpointNonFiniteTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netgen-checkpoints-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Saving_nan_weights_is_refused_naming_the_tensor_and_the_element()
    {
        var path = Path.Combine(_directory, "xor.ngw");
        var network = Xor();
        network.ParameterTensors[2].Slice(network.Parameters)[3] = float.NaN; // Output.Weight [0, 3]

        var error = Assert.Throws<InvalidOperationException>(() => Checkpoint.Save(network, path));

        Assert.Contains("parameter 'Output.Weight' element 3 [0, 3] is NaN", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowNonFinite: true", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Saving_infinite_layer_state_is_refused_naming_the_state_tensor()
    {
        var network = new BatchNormNet();
        network.Initialize(1);
        var tensor = network.StateTensors[^1];
        tensor.Slice(network.State)[1] = float.PositiveInfinity;

        var error = Assert.Throws<InvalidOperationException>(() => Checkpoint.Save(network, Path.Combine(_directory, "bn.ngw")));

        Assert.Contains($"state '{tensor.Name}' element 1 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("+∞", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_weights_save_and_load_when_allowed_and_are_refused_on_load_otherwise()
    {
        var path = Path.Combine(_directory, "xor.ngw");
        var saved = Xor();
        saved.ParameterTensors[1].Slice(saved.Parameters)[2] = float.NegativeInfinity; // Hidden.Bias [2]
        Checkpoint.Save(saved, path, allowNonFinite: true);
        var network = new XorNet();
        var before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(network, path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("parameter 'Hidden.Bias' element 2 [2] is -∞", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, network.Parameters.ToArray());

        Checkpoint.Load(network, path, allowNonFinite: true);
        Assert.Equal(NonFiniteStepTests.Bits(saved.Parameters), NonFiniteStepTests.Bits(network.Parameters));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_header_followed_by_random_bytes_is_reported_as_corrupt_in_a_short_message(int seed)
    {
        var path = Path.Combine(_directory, "random.ngw");
        Directory.CreateDirectory(_directory);
        var bytes = new byte[8192];
        new Random(seed).NextBytes(bytes);
        "NGW1"u8.CopyTo(bytes);
        File.WriteAllBytes(path, bytes);
        var network = new XorNet();
        var before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => network.LoadWeights(path));

        Assert.Contains("is corrupt", error.Message, StringComparison.Ordinal);
        Assert.Contains("network name at byte 4", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < path.Length + 200, error.Message);
        Assert.DoesNotContain(error.Message, character => char.IsControl(character) || character == '\uFFFD');
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void A_damaged_tensor_name_is_reported_with_its_position()
    {
        var path = Path.Combine(_directory, "xor.ngw");
        Xor().SaveWeights(path);
        var bytes = File.ReadAllBytes(path);
        var at = IndexOf(bytes, "Hidden.Weight"u8.ToArray());
        bytes[at + 2] = 0x07; // a control character inside the first tensor's name
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => new XorNet().LoadWeights(path));

        Assert.Contains($"is corrupt: the tensor name at byte {at - 1} holds U+0007 at character 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_claims_more_than_the_bound_is_corrupt()
    {
        var path = Path.Combine(_directory, "long.ngw");
        Directory.CreateDirectory(_directory);
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write("NGW1"u8);
            writer.Write(new string('A', 5000));
        }

        var error = Assert.Throws<InvalidDataException>(() => new XorNet().LoadWeights(path));

        Assert.Contains("network name at byte 4 claims to be 5000 bytes long; names are 1 to 256 bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAA", error.Message, StringComparison.Ordinal);
    }

    private static XorNet Xor()
    {
        var network = new XorNet();
        network.Initialize(2);
        return network;
    }

    private static int IndexOf(byte[] bytes, byte[] pattern) =>
        Enumerable.Range(0, bytes.Length - pattern.Length).First(start => bytes.AsSpan(start, pattern.Length).SequenceEqual(pattern));
}

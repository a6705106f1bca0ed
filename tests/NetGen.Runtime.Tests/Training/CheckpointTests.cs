using System;
using System.IO;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Training;

public sealed class CheckpointTests : IDisposable
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
    public void Saved_weights_load_back_exactly()
    {
        var path = Path.Combine(_directory, "lenet.ngw");
        var saved = new LeNet5();
        saved.Initialize(3);
        saved.SaveWeights(path);

        var loaded = new LeNet5();
        loaded.LoadWeights(path);

        Assert.Equal(saved.Parameters.ToArray(), loaded.Parameters.ToArray());
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Weights_of_another_network_are_refused_and_leave_the_network_unchanged()
    {
        var path = Path.Combine(_directory, "xor.ngw");
        new XorNet().SaveWeights(path);
        var network = new IdentityNet();
        var before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => network.LoadWeights(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("'XorNet'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused()
    {
        var path = Path.Combine(_directory, "mlp.ngw");
        new MnistMlp().SaveWeights(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length - 100).ToArray());

        var error = Assert.Throws<InvalidDataException>(() => new MnistMlp().LoadWeights(path));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_refused()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(path, "hello");

        var error = Assert.Throws<InvalidDataException>(() => new XorNet().LoadWeights(path));

        Assert.Contains("NGW1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_checkpoint_names_the_path()
    {
        var path = Path.Combine(_directory, "absent.ngw");
        var error = Assert.Throws<FileNotFoundException>(() => new XorNet().LoadWeights(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}

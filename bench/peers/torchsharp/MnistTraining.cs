using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Bench.TorchSharpPeer;

/// <summary>
/// MNIST training as bench/peers/pytorch_mnist.py does it: NetGen's network and initialization, Adam, cross-entropy,
/// pixels in [0, 1], the training set reshuffled by <c>randperm</c> every epoch; the training loop alone is timed, then
/// the test accuracy is scored. Seeded once, before the network is built, as the Python peer is.
/// </summary>
internal sealed class MnistTraining : IWorkload
{
    public static readonly string[] Options = ["--model", "--epochs", "--batch-size", "--lr", "--limit", "--data-dir", "--schedule", "--init"];
    public static readonly string[] Flags = ["--json"];
    private static readonly string[] s_files = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    private readonly string _model;
    private readonly int _epochs;
    private readonly int _batchSize;
    private readonly double _learningRate;
    private readonly int? _limit;
    private readonly string _directory;
    private readonly int _seed;

    public MnistTraining(Arguments arguments, int seed)
    {
        _model = arguments.Choice("--model", "mlp", Models.Names);
        _epochs = arguments.Positive("--epochs", 3);
        _batchSize = arguments.Positive("--batch-size", 128);
        _learningRate = arguments.NonNegative("--lr", 0.001);
        _limit = arguments.OptionalPositive("--limit");
        // The Python peer's other schedules and PyTorch's own initialization are not workloads of this peer.
        arguments.Choice("--schedule", "none", "none");
        arguments.Choice("--init", "netgen", "netgen");
        _directory = Path.GetFullPath(arguments.Text("--data-dir", Path.Combine("data", "mnist")));
        var missing = s_files.Where(name => !File.Exists(Path.Combine(_directory, name))).ToArray();
        if (missing.Length > 0)
        {
            throw new UsageException($"MNIST files missing in {_directory}: {string.Join(", ", missing)}");
        }

        _seed = seed;
    }

    public IEnumerable<KeyValuePair<string, object?>> About =>
    [
        new("benchmark", "mnist"), new("model", _model), new("batch_size", _batchSize), new("init", "netgen"), new("lr", _learningRate),
        new("schedule", "none"),
    ];

    public void Run()
    {
        manual_seed(_seed);
        var (trainImages, trainLabels) = Load("train");
        var (testImages, testLabels) = Load("t10k");
        if (_limit is { } limit && limit < trainImages.shape[0])
        {
            trainImages = trainImages.narrow(0, 0, limit);
            trainLabels = trainLabels.narrow(0, 0, limit);
        }

        var count = trainImages.shape[0];
        using var model = Models.Create(_model);
        using var optimizer = optim.Adam(model.parameters(), _learningRate);
        using var loss = nn.CrossEntropyLoss();
        for (var epoch = 1; epoch <= _epochs; epoch++)
        {
            using var order = randperm(count);
            var start = Stopwatch.GetTimestamp();
            model.train();
            for (long first = 0; first < count; first += _batchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, first, Math.Min(_batchSize, count - first));
                optimizer.zero_grad();
                var output = loss.forward(model.forward(trainImages.index_select(0, index)), trainLabels.index_select(0, index));
                output.backward();
                optimizer.step();
            }

            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            model.eval();
            double accuracy;
            using (no_grad())
            using (NewDisposeScope())
            {
                var correct = model.forward(testImages).argmax(1).eq(testLabels).sum().item<long>();
                accuracy = 100.0 * correct / testLabels.shape[0];
            }

            Output.Progress($"{_model} epoch {epoch}: {elapsed:0.000} s, test accuracy {accuracy:0.00} %");
            Output.Emit(new Dictionary<string, object?>
            {
                ["peer"] = Output.Peer, ["benchmark"] = "mnist", ["model"] = _model, ["batch_size"] = _batchSize, ["epoch"] = epoch,
                ["seconds"] = elapsed, ["accuracy"] = accuracy, ["learning_rate"] = _learningRate,
            });
        }
    }

    // An IDX file pair: images as N × 1 × 28 × 28 floats scaled to [0, 1] (float32 division by 255, as NumPy's), labels as int64.
    private (Tensor Images, Tensor Labels) Load(string prefix)
    {
        var (imageBytes, imageShape) = ReadIdx(Path.Combine(_directory, $"{prefix}-images-idx3-ubyte"));
        var (labelBytes, _) = ReadIdx(Path.Combine(_directory, $"{prefix}-labels-idx1-ubyte"));
        var pixels = Array.ConvertAll(imageBytes, value => value / 255f);
        var labels = Array.ConvertAll(labelBytes, value => (long)value);
        return (tensor(pixels, [imageShape[0], 1, imageShape[1], imageShape[2]]), tensor(labels, [labels.Length]));
    }

    private static (byte[] Data, int[] Shape) ReadIdx(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var dimensions = bytes[3];
        var shape = Enumerable.Range(0, dimensions).Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + (4 * i)))).ToArray();
        return (bytes[(4 + (4 * dimensions))..], shape);
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NetGen.Bench.Results;
using NetGen.Optimizers;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// MNIST training with identical settings on every side (NetGen, PyTorch and, for the MLP and LeNet-5, TorchSharp): the sample's network, Adam with η = 0.001, the given batch,
/// reshuffled every epoch. The epoch time covers the training loop only (batches, forward, loss, backward, update);
/// test accuracy is scored after each epoch, outside the timing.
/// </summary>
internal static class MnistTraining
{
    public const string Section = "MNIST";
    public const string SweepSection = "Batch-size sweep";
    public const string EpochSeconds = "epoch seconds";
    public const string Accuracy = "test accuracy";
    public const string EpochAccuracies = "test accuracy per epoch";
    public const int BatchSize = 128;

    public static string SweepWorkload(int batchSize) => string.Create(CultureInfo.InvariantCulture, $"MLP, batch {batchSize}");

    public static void RunModels(BenchContext context, MnistFiles data)
    {
        foreach (var model in (string[])["mlp", "lenet"])
        {
            var workload = MnistModels.Workload(model);
            AddEpochs(context, Section, workload, "NetGen", TrainNetGen(context, data, model, context.Options.Epochs, BatchSize));
            StepProfile.MeasureNetGen(context, data, Section, model, BatchSize);
            var pyTorch = RunPyTorch(context, data, model, context.Options.Epochs, BatchSize, StepProfile.PeerArguments(context.Options));
            AddEpochs(context, Section, workload, "PyTorch", Epochs(pyTorch));
            StepProfile.AddPeer(context, Section, workload, "PyTorch", pyTorch);
            AddEpochs(context, Section, workload, BenchContext.TorchSharp, TrainTorchSharp(context, data, model, context.Options.Epochs, BatchSize));
        }
    }

    public static void RunSweep(BenchContext context, MnistFiles data)
    {
        foreach (var batchSize in context.Options.SweepBatchSizes)
        {
            AddEpochs(context, SweepSection, SweepWorkload(batchSize), "NetGen", TrainNetGen(context, data, "mlp", 1, batchSize));
            AddEpochs(context, SweepSection, SweepWorkload(batchSize), "PyTorch", TrainPyTorch(context, data, "mlp", 1, batchSize));
            AddEpochs(context, SweepSection, SweepWorkload(batchSize), BenchContext.TorchSharp, TrainTorchSharp(context, data, "mlp", 1, batchSize));
        }
    }

    public static List<(double Seconds, double Accuracy)> TrainNetGen(
        BenchContext context, MnistFiles data, string model, int epochs, int batchSize, IReadOnlyList<TrainingCallback>? callbacks = null)
    {
        var network = MnistModels.Create(model);
        network.Initialize(context.Options.Seed);
        var history = Trainer.Fit(network, data.Training, new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = batchSize,
            Optimizer = new Adam(learningRate: 0.001f),
            Seed = context.Options.Seed,
            Validation = data.Test,
            Callbacks = callbacks ?? [],
        });
        return history.Epochs.Select(e => (e.Elapsed.TotalSeconds, e.ValidationAccuracy * 100)).ToList();
    }

    public static List<(double Seconds, double Accuracy)> TrainPyTorch(
        BenchContext context, MnistFiles data, string model, int epochs, int batchSize, IEnumerable<string>? extraArguments = null,
        IReadOnlyDictionary<string, string>? environment = null)
        => Epochs(RunPyTorch(context, data, model, epochs, batchSize, extraArguments, environment));

    /// <summary>The PyTorch MNIST peer's JSON lines: its epochs, and its step profile when the arguments ask for one.</summary>
    private static List<JsonElement> RunPyTorch(
        BenchContext context, MnistFiles data, string model, int epochs, int batchSize, IEnumerable<string>? extraArguments = null,
        IReadOnlyDictionary<string, string>? environment = null)
        => context.RunPythonPeer("PyTorch", "torch", "python3-torch", "pytorch_mnist.py",
            [.. PeerArguments(context, data, model, epochs, batchSize), "--json", .. extraArguments ?? []], environment).ToList();

    /// <summary>The TorchSharp peer's epochs (bench/peers/torchsharp, workload mnist: the models mlp and lenet).</summary>
    public static List<(double Seconds, double Accuracy)> TrainTorchSharp(BenchContext context, MnistFiles data, string model, int epochs, int batchSize)
        => Epochs(context.RunTorchSharpPeer("mnist", PeerArguments(context, data, model, epochs, batchSize)));

    // The arguments both MNIST peers take, as bench/peers/README.md names them.
    private static List<string> PeerArguments(BenchContext context, MnistFiles data, string model, int epochs, int batchSize)
    {
        var options = context.Options;
        List<string> arguments =
        [
            "--model", model,
            "--epochs", epochs.ToString(CultureInfo.InvariantCulture),
            "--batch-size", batchSize.ToString(CultureInfo.InvariantCulture),
            "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
            "--threads", options.Threads.ToString(CultureInfo.InvariantCulture),
            "--data-dir", data.Directory,
        ];
        if (options.TrainingLimit is { } limit)
        {
            arguments.AddRange(["--limit", limit.ToString(CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }

    private static List<(double Seconds, double Accuracy)> Epochs(IEnumerable<JsonElement> lines)
        => lines.Where(line => line.GetProperty("benchmark").GetString() == "mnist")
            .Select(line => (line.GetProperty("seconds").GetDouble(), line.GetProperty("accuracy").GetDouble()))
            .ToList();

    // The epoch time is the median over the epochs; the accuracy is the one after the last epoch.
    public static void AddEpochs(BenchContext context, string section, string workload, string implementation, List<(double Seconds, double Accuracy)> epochs)
    {
        if (epochs.Count == 0)
        {
            return;
        }

        context.Add(new Measurement(section, workload, implementation, EpochSeconds, "s", epochs.Select(e => e.Seconds).ToArray()));
        context.Add(Measurement.Single(section, workload, implementation, Accuracy, "%", epochs[^1].Accuracy));
        context.Add(new Measurement(section, workload, implementation, EpochAccuracies, "%", epochs.Select(e => e.Accuracy).ToArray()));
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.Intrinsics.X86;
using NetGen.Bench.Results;
using NetGen.Optimizers;

namespace NetGen.Bench.Benchmarks;

/// <summary>
/// Row-by-row MNIST with an LSTM, the Sequences sample's <c>RowMnistLstm</c>: each image as 28 steps of a 28-pixel row,
/// LSTM of 128 units, a dense layer of 10 logits on its last state, softmax cross-entropy, Adam η = 0.001, batch 128, one
/// epoch over the training set. PyTorch trains nn.LSTM(28, 128, batch_first=True) and Linear(128, 10) from the same
/// initialization rule; on a machine with AVX-512 it runs twice, with OpenBLAS's Haswell (AVX2) and SkylakeX (AVX-512)
/// kernels, and the faster counts. Then where NetGen's training step goes, and PyTorch's: forward, backward, update.
/// </summary>
internal static class LstmTraining
{
    public const string Section = "Row-by-row MNIST LSTM";
    public const string Model = "lstm";

    /// <summary>OpenBLAS's kernel families the PyTorch peer runs with: both where the CPU has AVX-512, else the environment's.</summary>
    public static IReadOnlyList<string?> CoreTypes => Avx512F.IsSupported ? ["Haswell", "SkylakeX"] : [null];

    public static string Workload => MnistModels.Workload(Model);

    /// <summary>The PyTorch peer's implementation name for one OpenBLAS kernel family.</summary>
    public static string PyTorch(string? coreType) => coreType is null ? "PyTorch" : $"PyTorch ({coreType})";

    public static void Run(BenchContext context, MnistFiles data)
    {
        var epochs = context.Options.LstmEpochs;
        MnistTraining.AddEpochs(context, Section, Workload, "NetGen",
            MnistTraining.TrainNetGen(context, data, Model, epochs, MnistTraining.BatchSize));
        StepProfile.MeasureNetGen(context, data, Section, Model, MnistTraining.BatchSize);
        foreach (var coreType in CoreTypes)
        {
            var environment = coreType is null ? null : new Dictionary<string, string> { ["OPENBLAS_CORETYPE"] = coreType };
            var lines = context.RunPythonPeer("PyTorch", "torch", "python3-torch", "pytorch_mnist.py",
                PyTorchArguments(context, data, epochs), environment);
            var epochLines = lines.Where(line => line.GetProperty("benchmark").GetString() == "mnist")
                .Select(line => (line.GetProperty("seconds").GetDouble(), line.GetProperty("accuracy").GetDouble()))
                .ToList();
            MnistTraining.AddEpochs(context, Section, Workload, PyTorch(coreType), epochLines);
            StepProfile.AddPeer(context, Section, Workload, PyTorch(coreType), lines);
        }
    }

    /// <summary>The PyTorch peer whose epoch was faster, or null when none ran.</summary>
    public static string? FasterPyTorch(ResultSet results) => CoreTypes
        .Select(PyTorch)
        .Where(name => !double.IsNaN(results.Median(Section, Workload, name, MnistTraining.EpochSeconds)))
        .OrderBy(name => results.Median(Section, Workload, name, MnistTraining.EpochSeconds))
        .FirstOrDefault();

    private static List<string> PyTorchArguments(BenchContext context, MnistFiles data, int epochs)
    {
        var options = context.Options;
        List<string> arguments =
        [
            "--model", Model,
            "--epochs", epochs.ToString(CultureInfo.InvariantCulture),
            "--batch-size", MnistTraining.BatchSize.ToString(CultureInfo.InvariantCulture),
            "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
            "--threads", options.Threads.ToString(CultureInfo.InvariantCulture),
            "--data-dir", data.Directory,
            .. StepProfile.PeerArguments(options),
            "--json",
        ];
        if (options.TrainingLimit is { } limit)
        {
            arguments.AddRange(["--limit", limit.ToString(CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }
}

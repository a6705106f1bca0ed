using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NetGen.Bench.Benchmarks;

namespace NetGen.Bench.Results;

/// <summary>docs/benchmarks.md: the machine, the targets with their measured ratios, and one table per section.</summary>
internal sealed class MarkdownReport(ResultSet results, BenchOptions options, IReadOnlyDictionary<string, string> peers, IReadOnlyDictionary<string, string> peerVariables, DateTime started, TimeSpan duration)
{
    private readonly StringBuilder _text = new();

    public string Write()
    {
        Line("# Benchmarks");
        Line();
        Line("NetGen beside NumPy, PyTorch CPU and FANN, all measured in one run of the harness on one machine, with the same");
        Line($"thread count ({options.Threads}). Figures are medians over the repeats; `benchmarks.csv` beside this file has every repeat.");
        Line("Ratios are NetGen's figure over the peer's. How the peers are run, and what each script measures: `bench/peers/README.md`;");
        Line("where NetGen's time goes: [performance.md](performance.md).");
        Line();
        Line("Produced by:");
        Line();
        Line("```");
        Line($"dotnet run --project bench/NetGen.Bench -c Release{(options.Arguments.Length > 0 ? " -- " + options.Arguments : "")}");
        Line("```");
        Line();
        Line(Invariant($"on {started:yyyy-MM-dd HH:mm} UTC; the run took {duration.TotalMinutes:0.0} minutes."));
        Line();
        WriteMachine();
        WriteTargets();
        WriteMatrixProducts();
        WriteMnist();
        WriteXor();
        WriteSweep();
        WriteRegularizationCost();
        WriteRegularizedTraining();
        WriteLstm();
        WriteLatency();
        if (results.NotRun.Count > 0)
        {
            Line("## Not run");
            Line();
            foreach (var reason in results.NotRun)
            {
                Line($"- {reason}");
            }

            Line();
        }

        return _text.ToString();
    }

    private void WriteMachine()
    {
        Line("## Machine");
        Line();
        Line("| | |");
        Line("| --- | --- |");
        foreach (var (label, value) in MachineDescription.Describe())
        {
            Line($"| {label} | {value} |");
        }

        Line($"| Threads | {options.Threads} for every implementation (NetGen: `CpuThreads.Max`; peers: {string.Join(", ", peerVariables.Select(v => $"`{v.Key}={v.Value}`"))}) |");
        foreach (var (peer, about) in peers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Line($"| Peer: {peer} | {about} |");
        }

        Line();
    }

    private void WriteTargets()
    {
        var rows = new List<string[]>();
        foreach (var size in options.MatrixSizes)
        {
            var ratio = Throughput(size, "NetGen") / Throughput(size, "PyTorch");
            rows.Add([$"{MatrixProducts.Workload(size)} product: throughput ≥ 0.8× PyTorch's", Ratio(ratio), Verdict(ratio >= 0.8, ratio)]);
        }

        foreach (var (model, bound) in new[] { ("mlp", 0.5), ("lenet", 1.0) })
        {
            var workload = MnistModels.Workload(model);
            var ratio = results.Median(MnistTraining.Section, workload, "NetGen", MnistTraining.EpochSeconds)
                / results.Median(MnistTraining.Section, workload, "PyTorch", MnistTraining.EpochSeconds);
            var difference = AccuracyDifference(MnistTraining.Section, workload);
            rows.Add([Invariant($"{workload} epoch time ≤ {bound:0.0}× PyTorch's"), Ratio(ratio), Verdict(ratio <= bound, ratio)]);
            rows.Add([$"{workload} test accuracy equal to PyTorch's (±0.3 points)", Points(difference), Verdict(Math.Abs(difference) <= 0.3, difference)]);
        }

        var xorRatio = results.Median(XorTraining.Section, XorTraining.ToTarget, "NetGen", XorTraining.Seconds)
            / results.Median(XorTraining.Section, XorTraining.ToTarget, "FANN", XorTraining.Seconds);
        rows.Add(["XOR to MSE < 0.01: faster than FANN", Ratio(xorRatio), Verdict(xorRatio < 1, xorRatio)]);
        var regularizedCost = StepOverhead("lenet-batchnorm-dropout");
        rows.Add(["Dropout and batch norm add ≤ 15 % to the LeNet-5 training step", Percent(regularizedCost), Verdict(regularizedCost <= 0.15, regularizedCost)]);
        var regularizedWorkload = MnistModels.Workload(RegularizedTraining.Model);
        var regularizedAccuracy = results.Median(RegularizedTraining.Section, regularizedWorkload, "NetGen", MnistTraining.Accuracy);
        var regularizedFloor = Math.Max(99.2, results.Median(RegularizedTraining.Section, regularizedWorkload, "PyTorch", MnistTraining.Accuracy));
        rows.Add([$"{regularizedWorkload} test accuracy ≥ 99.2 % and ≥ PyTorch's", Invariant($"{regularizedAccuracy:0.00} % / {regularizedFloor:0.00} %"),
            Verdict(regularizedAccuracy >= regularizedFloor, regularizedAccuracy - regularizedFloor)]);
        var lstmRatio = LstmRatio();
        rows.Add([$"{LstmTraining.Workload} epoch time ≤ 0.5× PyTorch's (the faster OpenBLAS kernels)", Ratio(lstmRatio), Verdict(lstmRatio <= 0.5, lstmRatio)]);
        var latencyWorkload = MnistModels.Workload("mlp");
        var latencyRatio = results.Median(InferenceLatency.Section, latencyWorkload, "NetGen", InferenceLatency.P50)
            / results.Median(InferenceLatency.Section, latencyWorkload, "PyTorch", InferenceLatency.P50);
        rows.Add([$"{latencyWorkload} single-sample Predict p50 ≤ 0.1× the peer's (TorchSharp's in the target; PyTorch CPU stands in)", Ratio(latencyRatio),
            Verdict(latencyRatio <= 0.1, latencyRatio)]);
        Line("## Targets");
        Line();
        Table(["target", "measured (NetGen / peer)", "met"], rows);
    }

    private void WriteMatrixProducts()
    {
        if (!Has(MatrixProducts.Section))
        {
            return;
        }

        Line("## Matrix products");
        Line();
        Line("Square float32 products C = A·B, row-major, into a preallocated C; warm-up products (one for the peers; for NetGen at least two and half a second: its first product of a shape runs on one thread to size its buffers, and .NET recompiles hot methods optimized after a while), then the timed repeats. GFLOP/s = 2n³ / time.");
        Line();
        var rows = options.MatrixSizes.Select(size => new[]
        {
            MatrixProducts.Workload(size),
            Number(Throughput(size, "NetGen"), "0.0"), Number(Throughput(size, "NumPy"), "0.0"), Number(Throughput(size, "PyTorch"), "0.0"),
            Ratio(Throughput(size, "NetGen") / Throughput(size, "NumPy")), Ratio(Throughput(size, "NetGen") / Throughput(size, "PyTorch")),
        }).ToList();
        Table(["size", "NetGen GFLOP/s", "NumPy GFLOP/s", "PyTorch GFLOP/s", "NetGen / NumPy", "NetGen / PyTorch"], rows);
    }

    private void WriteMnist()
    {
        if (!Has(MnistTraining.Section))
        {
            return;
        }

        Line("## MNIST");
        Line();
        Line(Invariant($"The samples' networks with identical settings on both sides: Adam η = 0.001, batch {MnistTraining.BatchSize}, {options.Epochs} epochs, pixels scaled to [0, 1],"));
        Line("NetGen's initialization (He normal before a ReLU, Xavier uniform for the logits, zero biases), the training set reshuffled");
        Line("every epoch. Epoch time: the median over the epochs of the training loop alone; accuracy: on the");
        Line($"10,000 test images after the last epoch.{(options.TrainingLimit is { } limit ? Invariant($" Trained on the first {limit:N0} images only.") : "")}");
        Line();
        var rows = new[] { "mlp", "lenet" }.Select(MnistModels.Workload)
            .Select(workload => EpochRow(MnistTraining.Section, workload).Concat([FirstEpoch(workload, "NetGen"), FirstEpoch(workload, "PyTorch")]).ToArray())
            .ToList();
        Table(["network", "NetGen epoch (s)", "PyTorch epoch (s)", "NetGen / PyTorch", "NetGen accuracy (%)", "PyTorch accuracy (%)", "difference (points)", "NetGen 1st epoch (s)", "PyTorch 1st epoch (s)"], rows);
        Line("The first epoch is in the median too; NetGen's includes compiling the training code, which .NET then recompiles optimized.");
        Line();
    }

    private void WriteSweep()
    {
        if (!Has(MnistTraining.SweepSection))
        {
            return;
        }

        Line("## Batch-size sweep");
        Line();
        Line("The MNIST MLP for one epoch at each batch size (seed 000's table runs 5000 … 1), otherwise as above: a fresh network each time.");
        Line();
        var rows = options.SweepBatchSizes.Select(b => EpochRow(MnistTraining.SweepSection, MnistTraining.SweepWorkload(b))).ToList();
        Table(["workload", "NetGen epoch (s)", "PyTorch epoch (s)", "NetGen / PyTorch", "NetGen accuracy (%)", "PyTorch accuracy (%)", "difference (points)"], rows);
    }

    private void WriteXor()
    {
        if (!Has(XorTraining.Section))
        {
            return;
        }

        Line("## XOR");
        Line();
        Line(Invariant($"Full batch of 4, {options.XorRepeats} repeats, each from a fresh network with the next seed. NetGen and PyTorch train the XOR sample's network"));
        Line("(2-4-1, tanh then sigmoid, cross-entropy, Adam η = 0.05); NetGen RPROP is the same network trained with `Rprop` (iRPROP−)");
        Line("at FANN's settings (initial step 0.1, smallest step 0); FANN runs its classic example (2-3-1, symmetric sigmoids, RPROP,");
        Line("inputs and targets ±1, MSE on FANN's half-range scale). All stop by FANN's rule (`fann_train_on_data`): on the MSE of");
        Line("a step's own forward outputs, before its update, so no extra forward pass. Times cover the training loop alone.");
        Line();
        var steps = XorTraining.StepsWorkload(options.XorSteps);
        var rows = new[] { "NetGen", XorTraining.NetGenRprop, "PyTorch", "FANN" }.Select(implementation => new[]
        {
            implementation,
            Number(results.Median(XorTraining.Section, XorTraining.ToTarget, implementation, XorTraining.Epochs), "0"),
            Number(results.Median(XorTraining.Section, XorTraining.ToTarget, implementation, XorTraining.Seconds) * 1e3, "0.000"),
            results.Find(XorTraining.Section, XorTraining.ToTarget, implementation, XorTraining.Reached) is { } reached ? $"{reached.Median:0} {reached.Unit}" : "—",
            Number(results.Median(XorTraining.Section, steps, implementation, XorTraining.Seconds) * 1e3, "0.00"),
            Number(results.Median(XorTraining.Section, steps, implementation, XorTraining.Seconds) * 1e6 / options.XorSteps, "0.000"),
        }).ToList();
        Table(["implementation", "epochs to MSE < 0.01", "time to MSE < 0.01 (ms)", "runs reaching it", $"{steps} (ms)", "per step (µs)"], rows);
        var gradientPart = results.Median(XorTraining.Section, steps, "NetGen", XorTraining.GradientPart);
        var updatePart = results.Median(XorTraining.Section, steps, "NetGen", XorTraining.UpdatePart);
        Line(Invariant($"Where NetGen's step goes, timed apart over {options.XorSteps:N0} steps (the timer adds to both): forward, loss and backward {gradientPart * 1e6 / options.XorSteps:0.000} µs, the Adam update {updatePart * 1e6 / options.XorSteps:0.000} µs a step."));
        Line();
        var firstRun = results.Median(XorTraining.Section, XorTraining.FirstRun, "NetGen", XorTraining.Seconds);
        Line(Invariant($"NetGen's rows are the steady state, after a second of warm-up in which .NET recompiles the hot methods optimized; its very first run in the process, compilation included, took {firstRun * 1e3:0.0} ms."));
        Line();
    }

    private void WriteRegularizationCost()
    {
        if (!Has(RegularizationCost.Section))
        {
            return;
        }

        Line("## Regularization cost");
        Line();
        Line("LeNet-5 as in the MNIST section, then with dropout (rate 0.5) after both hidden dense layers, with batch normalisation");
        Line("before each of the four ReLUs, and with both; the same variants in PyTorch. Cost: the variant's time over LeNet-5's, minus one.");
        Line();
        Line("NetGen's training step (forward, loss, backward and the Adam update on one batch of 128), the four networks taking");
        Line("turns over several rounds of 100 steps, the best round of each:");
        Line();
        var stepRows = RegularizationCost.Models.Select(model => new[]
        {
            MnistModels.Workload(model),
            Number(results.Median(RegularizationCost.Section, MnistModels.Workload(model), "NetGen", RegularizationCost.StepSeconds) * 1e6, "0"),
            Percent(StepOverhead(model)),
        }).ToList();
        Table(["network", "NetGen step (µs)", "cost"], stepRows);
        Line(Invariant($"Whole epochs (Adam η = 0.001, batch {MnistTraining.BatchSize}, {options.Epochs} epochs; the median epoch of the training loop alone), beside PyTorch's:"));
        Line();
        var rows = RegularizationCost.Models.Select(model =>
        {
            var workload = MnistModels.Workload(model);
            var row = EpochRow(RegularizationCost.Section, workload);
            return new[] { row[0], row[1], Percent(RegularizationOverhead(model, "NetGen")), row[2], Percent(RegularizationOverhead(model, "PyTorch")), row[3], row[4], row[5] };
        }).ToList();
        Table(["network", "NetGen epoch (s)", "NetGen cost", "PyTorch epoch (s)", "PyTorch cost", "NetGen / PyTorch", "NetGen accuracy (%)", "PyTorch accuracy (%)"], rows);
        Line("Epochs on this machine vary by 10–20 % from one to the next, so the step times are the firmer measure of cost.");
        Line();
    }

    private void WriteRegularizedTraining()
    {
        if (!Has(RegularizedTraining.Section))
        {
            return;
        }

        var workload = MnistModels.Workload(RegularizedTraining.Model);
        Line("## Regularized MNIST");
        Line();
        Line("The MNIST sample's `RegularizedLeNet` (32 and 64 5×5 convolutions and a 256-unit layer, each followed by batch normalisation");
        Line(Invariant($"and a ReLU, dropout 0.5 before the logits): Adam η = 0.001 halved every {RegularizedTraining.StepSize} epochs (StepLR), batch {MnistTraining.BatchSize},"));
        Line(Invariant($"{options.RegularizedEpochs} epochs, the same initialization on both sides. Test accuracy after each epoch:"));
        Line();
        var netGen = results.Find(RegularizedTraining.Section, workload, "NetGen", MnistTraining.EpochAccuracies);
        var pyTorch = results.Find(RegularizedTraining.Section, workload, "PyTorch", MnistTraining.EpochAccuracies);
        var epochs = Math.Max(netGen?.Values.Count ?? 0, pyTorch?.Values.Count ?? 0);
        var rows = Enumerable.Range(0, epochs).Select(index => new[]
        {
            Invariant($"{index + 1}"),
            netGen is { } n && index < n.Values.Count ? Number(n.Values[index], "0.00") : "—",
            pyTorch is { } p && index < p.Values.Count ? Number(p.Values[index], "0.00") : "—",
        }).ToList();
        Table(["epoch", "NetGen accuracy (%)", "PyTorch accuracy (%)"], rows);
        Line("This section is about accuracy; epoch times belong to the sections above.");
        Line();
    }

    private void WriteLstm()
    {
        if (!Has(LstmTraining.Section))
        {
            return;
        }

        const string Section = LstmTraining.Section;
        var workload = LstmTraining.Workload;
        Line("## Row-by-row MNIST LSTM");
        Line();
        Line("The Sequences sample's `RowMnistLstm`: each image as 28 steps of one 28-pixel row, an LSTM of 128 units, a dense layer of 10");
        Line(Invariant($"logits on its last state; softmax cross-entropy, Adam η = 0.001, batch {MnistTraining.BatchSize}, {options.LstmEpochs} epoch over the training set. PyTorch trains"));
        Line("`nn.LSTM(28, 128, batch_first=True)` and `nn.Linear(128, 10)`, both sides initialized alike (the LSTM uniform within 1/√128,");
        Line("PyTorch's rule and NetGen's default; the logits Xavier uniform with zero biases). Where the CPU has AVX-512, PyTorch runs twice,");
        Line("with OpenBLAS's Haswell (AVX2) and SkylakeX (AVX-512) kernels, and the ratio is taken to the faster. Epoch time: the training");
        Line($"loop alone, compilation included for NetGen; accuracy: on the 10,000 test images after the epoch.{(options.TrainingLimit is { } limit ? Invariant($" Trained on the first {limit:N0} images only.") : "")}");
        Line();
        var netGen = results.Median(Section, workload, "NetGen", MnistTraining.EpochSeconds);
        var implementations = new[] { "NetGen" }.Concat(LstmTraining.CoreTypes.Select(LstmTraining.PyTorch)).ToArray();
        var rows = implementations.Select(implementation =>
        {
            var seconds = results.Median(Section, workload, implementation, MnistTraining.EpochSeconds);
            return new[]
            {
                implementation, Number(seconds, "0.00"), Number(results.Median(Section, workload, implementation, MnistTraining.Accuracy), "0.00"),
                implementation == "NetGen" ? "" : Ratio(netGen / seconds),
            };
        }).ToList();
        Table(["implementation", "epoch (s)", "test accuracy (%)", "NetGen / this"], rows);
        Line("Where a training step on one batch goes (milliseconds, medians). NetGen: `Forward` on the batch, then `ComputeGradients`");
        Line("(forward, loss and backward) less that forward, then the Adam step. PyTorch: the forward and loss with autograd recording,");
        Line("`loss.backward()`, `optimizer.step()`.");
        Line();
        var stepRows = implementations.Select(implementation =>
        {
            var forward = results.Median(Section, workload, implementation, LstmTraining.ForwardSeconds);
            var backward = results.Median(Section, workload, implementation, LstmTraining.BackwardSeconds);
            var update = results.Median(Section, workload, implementation, LstmTraining.UpdateSeconds);
            return new[]
            {
                implementation, Number(forward * 1e3, "0.00"), Number(backward * 1e3, "0.00"), Number(update * 1e3, "0.000"),
                Number((forward + backward + update) * 1e3, "0.00"),
            };
        }).ToList();
        Table(["implementation", "forward (ms)", "backward (ms)", "update (ms)", "step (ms)"], stepRows);
    }

    private void WriteLatency()
    {
        if (!Has(InferenceLatency.Section))
        {
            return;
        }

        const string Section = InferenceLatency.Section;
        string Figure(string model, string implementation, string metric, string format)
            => Number(results.Median(Section, MnistModels.Workload(model), implementation, metric), format);

        Line("## Inference latency: one sample");
        Line();
        Line(Invariant($"The MNIST sample's MLP and LeNet-5, each a fresh network initialized with seed {options.Seed} (NetGen's initialization on both sides),"));
        Line("asked for the class probabilities of one sample at a time: the same 784 pixels on both sides, pseudo-random in [0, 1)");
        Line("(neither side's kernels depend on the values). Timed: the call alone, each call separately, after at least a second of untimed");
        Line("calls (in which .NET recompiles the hot methods optimized); no data loading or conversion. **NetGen** calls the generated");
        Line("`Predict(ReadOnlySpan<float> samples, Span<float> predictions)` with one sample and a preallocated 10-float span: the forward");
        Line(Invariant($"pass in inference mode, the logits copied into the span, softmax there (bytes allocated per call: {Figure("mlp", "NetGen", InferenceLatency.Allocated, "0")} for the MLP, {Figure("lenet", "NetGen", InferenceLatency.Allocated, "0")} for LeNet-5),"));
        Line("timed with `Stopwatch.GetTimestamp`. **PyTorch** calls `torch.softmax(model(x), dim=1)` after `model.eval()`, under");
        Line("`torch.inference_mode()`, on an input tensor made once (1 × 784 for the MLP, 1 × 1 × 28 × 28 for LeNet-5); PyTorch allocates");
        Line("the output and every intermediate tensor on each call. Timed with `time.perf_counter_ns`. The timer's own cost is in every");
        Line(Invariant($"figure: NetGen {Figure("mlp", "NetGen", InferenceLatency.Timer, "0.000")} µs, PyTorch {Figure("mlp", "PyTorch", InferenceLatency.Timer, "0.000")} µs (medians of back-to-back readings). PyTorch may use the run's"));
        Line(Invariant($"thread count ({options.Threads}); NetGen runs one sample on one thread whatever `CpuThreads.Max` is (it splits convolutions by sample and matrix"));
        Line("products only above 2¹⁸ multiply-adds). Percentiles interpolate linearly between ranks.");
        Line();
        var rows = new List<string[]>();
        foreach (var model in InferenceLatency.Models)
        {
            var workload = MnistModels.Workload(model);
            var ratio = results.Median(Section, workload, "NetGen", InferenceLatency.P50) / results.Median(Section, workload, "PyTorch", InferenceLatency.P50);
            foreach (var implementation in (string[])["NetGen", "PyTorch"])
            {
                rows.Add(
                [
                    workload, implementation, Figure(model, implementation, InferenceLatency.Calls, "N0"),
                    Figure(model, implementation, InferenceLatency.P50, "0.00"), Figure(model, implementation, InferenceLatency.P99, "0.00"),
                    Figure(model, implementation, InferenceLatency.Mean, "0.00"), implementation == "NetGen" ? Ratio(ratio) : "",
                ]);
            }
        }

        Table(["network", "implementation", "calls", "p50 (µs)", "p99 (µs)", "mean (µs)", "NetGen / PyTorch (p50)"], rows);
        Line("The target names TorchSharp, .NET's binding of libtorch; it is not a peer of the harness yet, so PyTorch CPU, Python's binding");
        Line("of the same library, stands in. Each binding adds its own cost per call (Python's module calls here, P/Invoke and tensor handles");
        Line("in TorchSharp), so the ratio to PyTorch is not the ratio to TorchSharp.");
        Line();
    }

    private double LstmRatio()
        => LstmTraining.FasterPyTorch(results) is { } pyTorch
            ? results.Median(LstmTraining.Section, LstmTraining.Workload, "NetGen", MnistTraining.EpochSeconds)
                / results.Median(LstmTraining.Section, LstmTraining.Workload, pyTorch, MnistTraining.EpochSeconds)
            : double.NaN;

    private double StepOverhead(string model)
        => results.Median(RegularizationCost.Section, MnistModels.Workload(model), "NetGen", RegularizationCost.StepSeconds)
            / results.Median(RegularizationCost.Section, MnistModels.Workload("lenet"), "NetGen", RegularizationCost.StepSeconds) - 1;

    private double RegularizationOverhead(string model, string implementation)
        => results.Median(RegularizationCost.Section, MnistModels.Workload(model), implementation, MnistTraining.EpochSeconds)
            / results.Median(RegularizationCost.Section, MnistModels.Workload("lenet"), implementation, MnistTraining.EpochSeconds) - 1;

    private string[] EpochRow(string section, string workload)
    {
        var netGen = results.Median(section, workload, "NetGen", MnistTraining.EpochSeconds);
        var pyTorch = results.Median(section, workload, "PyTorch", MnistTraining.EpochSeconds);
        return
        [
            workload, Number(netGen, "0.000"), Number(pyTorch, "0.000"), Ratio(netGen / pyTorch),
            Number(results.Median(section, workload, "NetGen", MnistTraining.Accuracy), "0.00"),
            Number(results.Median(section, workload, "PyTorch", MnistTraining.Accuracy), "0.00"),
            Points(AccuracyDifference(section, workload)),
        ];
    }

    private string FirstEpoch(string workload, string implementation)
        => results.Find(MnistTraining.Section, workload, implementation, MnistTraining.EpochSeconds) is { Values.Count: > 0 } epochs
            ? Number(epochs.Values[0], "0.000")
            : "—";

    private double AccuracyDifference(string section, string workload)
        => results.Median(section, workload, "NetGen", MnistTraining.Accuracy) - results.Median(section, workload, "PyTorch", MnistTraining.Accuracy);

    private double Throughput(int size, string implementation)
        => 2.0 * size * size * size / results.Median(MatrixProducts.Section, MatrixProducts.Workload(size), implementation, MatrixProducts.Metric) / 1e9;

    private bool Has(string section) => results.Measurements.Any(m => m.Section == section);

    private void Table(string[] header, List<string[]> rows)
    {
        Line($"| {string.Join(" | ", header)} |");
        Line($"| {string.Join(" | ", header.Select(_ => "---"))} |");
        foreach (var row in rows)
        {
            Line($"| {string.Join(" | ", row)} |");
        }

        Line();
    }

    private static string Verdict(bool met, double value) => double.IsNaN(value) ? "not measured" : met ? "yes" : "**no**";

    private static string Ratio(double value) => double.IsNaN(value) ? "—" : Invariant($"{value:0.00}×");

    private static string Percent(double value) => double.IsNaN(value) ? "—" : Invariant($"{value * 100:+0.0;−0.0;0.0} %");

    private static string Points(double value) => double.IsNaN(value) ? "—" : Invariant($"{value:+0.00;−0.00;0.00}");

    private static string Number(double value, string format) => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Line(string text = "") => _text.Append(text).Append('\n');
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using NetGen.Bench.Benchmarks;
using NetGen.Bench.Peers;
using NetGen.Cpu;

namespace NetGen.Bench.Results;

/// <summary>docs/benchmarks-ISA.md: the machine, the targets with their measured ratios, and one table per section.</summary>
internal sealed class MarkdownReport(ResultSet results, BenchOptions options, string isa, PeerEnvironment peerEnvironment, DateTime started, TimeSpan duration)
{
    // The peers of the MNIST training workloads (mlp and lenet, the sweep) and of inference latency.
    private static readonly string[] s_trainingPeers = ["PyTorch", BenchContext.TorchSharp];
    private static readonly string[] s_latencyPeers = ["PyTorch", BenchContext.TorchSharp, InferenceLatency.OnnxRuntime];
    private readonly StringBuilder _text = new();
    private readonly IReadOnlyDictionary<string, string> _peers = peerEnvironment.About;
    private readonly IReadOnlyDictionary<string, string> _peerVariables = peerEnvironment.Variables;

    public string Write()
    {
        Line("# Benchmarks");
        Line();
        Line("NetGen beside NumPy, PyTorch CPU, TorchSharp and FANN, all measured in one run of the harness on one machine, with the same");
        Line($"thread count ({options.Threads}) and the same instruction set ({InstructionSetChoice.Title(isa)}). Figures are medians over the repeats;");
        Line($"`benchmarks-{isa}.csv` beside this file has every repeat. Ratios are NetGen's figure over the peer's; the **best peer** of a");
        Line("workload is the fastest peer there (the highest throughput or the lowest time), named beside its ratio. How the peers are");
        Line("run, and what each program measures: `bench/peers/README.md`; where NetGen's time goes: [performance.md](performance.md).");
        Line();
        Line("Produced by:");
        Line();
        Line("```");
        Line(options.CommandLine(isa));
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

        var peak = FmaPeak.Peak(results);
        Line(Invariant($"| FMA peak (measured) | {Number(peak, "0.0")} GFLOP/s ({FmaPeak.Workload(options.Threads)}: independent chains of multiply-adds on every thread at once, the best of several runs of 0.2 s) |"));
        Line($"| Instruction set (`--isa {isa}`) | {InstructionSetsUsed()} |");
        Line($"| Threads | {options.Threads} for every implementation (NetGen: `CpuThreads.Max`; peers: {string.Join(", ", _peerVariables.Select(v => $"`{v.Key}={v.Value}`"))}) |");
        foreach (var (peer, about) in _peers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Line($"| Peer: {peer} | {about} |");
        }

        Line();
    }

    // What each implementation ran on: NetGen's kernels, OpenBLAS's kernel set, libtorch's CPU capability.
    private string InstructionSetsUsed()
    {
        string? About(string peer, string field)
            => peerEnvironment.AboutLines.TryGetValue(peer, out var about) && about.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        var parts = new List<string> { $"NetGen {CpuKernels.InstructionSet}" };
        foreach (var (peer, name) in new[] { ("numpy", "NumPy"), ("pytorch", "PyTorch") })
        {
            if (About(peer, "openblas_core") is { } core)
            {
                parts.Add($"{name} OpenBLAS {core} kernels");
            }
        }

        if (About("torchsharp", "cpu_capability") is { } capability)
        {
            parts.Add($"TorchSharp libtorch {capability}{(_peerVariables.ContainsKey("DNNL_MAX_CPU_ISA") ? " (oneMKL and oneDNN held to AVX2)" : "")}");
        }

        return string.Join("; ", parts);
    }

    private void WriteTargets()
    {
        var rows = new List<string[]>();
        var peak = FmaPeak.Peak(results);
        foreach (var size in options.MatrixSizes)
        {
            var best = BestPeer(MatrixProducts.Implementations[1..], peer => Throughput(size, peer), higherIsBetter: true);
            var netGen = Throughput(size, "NetGen");
            var ratio = netGen / (best?.Value ?? double.NaN);
            rows.Add([$"{MatrixProducts.Workload(size)} product: throughput ≥ 1.0× the best peer's", RatioTo(best, netGen), Verdict(ratio >= 1.0, ratio)]);
            var share = netGen / peak;
            rows.Add([$"{MatrixProducts.Workload(size)} product: ≥ 85 % of the measured FMA peak", Invariant($"{share * 100:0} %"), Verdict(share >= 0.85, share)]);
        }

        foreach (var model in new[] { "mlp", "lenet" })
        {
            var workload = MnistModels.Workload(model);
            var netGen = results.Median(MnistTraining.Section, workload, "NetGen", MnistTraining.EpochSeconds);
            var best = BestPeer(s_trainingPeers, peer => results.Median(MnistTraining.Section, workload, peer, MnistTraining.EpochSeconds));
            var ratio = netGen / (best?.Value ?? double.NaN);
            var difference = AccuracyDifference(MnistTraining.Section, workload);
            rows.Add([$"{workload} epoch time ≤ 0.5× the best peer's", RatioTo(best, netGen), Verdict(ratio <= 0.5, ratio)]);
            rows.Add([$"{workload} test accuracy equal to PyTorch's (±0.3 points)", Points(difference), Verdict(Math.Abs(difference) <= 0.3, difference)]);
        }

        // The sweep's worst batch size decides it.
        var sweep = options.SweepBatchSizes
            .Select(batch =>
            {
                var workload = MnistTraining.SweepWorkload(batch);
                var netGen = results.Median(MnistTraining.SweepSection, workload, "NetGen", MnistTraining.EpochSeconds);
                var best = BestPeer(s_trainingPeers, peer => results.Median(MnistTraining.SweepSection, workload, peer, MnistTraining.EpochSeconds));
                return (Batch: batch, Ratio: netGen / (best?.Value ?? double.NaN), Best: best, NetGen: netGen);
            })
            .Where(row => !double.IsNaN(row.Ratio))
            .ToList();
        if (sweep.Count > 0)
        {
            var worst = sweep.MaxBy(row => row.Ratio);
            rows.Add([$"every batch size of the sweep: epoch time ≤ 0.7× the best peer's", Invariant($"worst {RatioTo(worst.Best, worst.NetGen)} at batch {worst.Batch}"),
                Verdict(worst.Ratio <= 0.7, worst.Ratio)]);
        }

        // FANN trains with RPROP, so NetGen's RPROP rows are the like-for-like ones.
        var xorNetGen = results.Find(XorTraining.Section, XorTraining.ToTarget, XorTraining.NetGenRprop, XorTraining.Seconds) is null ? "NetGen" : XorTraining.NetGenRprop;
        var xorRatio = results.Median(XorTraining.Section, XorTraining.ToTarget, xorNetGen, XorTraining.Seconds)
            / results.Median(XorTraining.Section, XorTraining.ToTarget, "FANN", XorTraining.Seconds);
        rows.Add([$"XOR to MSE < 0.01 ({xorNetGen}): faster than FANN", Ratio(xorRatio), Verdict(xorRatio < 1, xorRatio)]);
        var steps = XorTraining.StepsWorkload(options.XorSteps);
        var stepRatio = results.Median(XorTraining.Section, steps, xorNetGen, XorTraining.Seconds)
            / results.Median(XorTraining.Section, steps, "FANN", XorTraining.Seconds);
        rows.Add([$"XOR step ({xorNetGen}): no slower than FANN's", Ratio(stepRatio), Verdict(stepRatio <= 1, stepRatio)]);
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
            / results.Median(InferenceLatency.Section, latencyWorkload, BenchContext.TorchSharp, InferenceLatency.P50);
        rows.Add([$"{latencyWorkload} single-sample Predict p50 ≤ 0.1× TorchSharp's (at least 10× faster)", Ratio(latencyRatio), Verdict(latencyRatio <= 0.1, latencyRatio)]);
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
        var peak = FmaPeak.Peak(results);
        Line("Square float32 products C = A·B, row-major, into a preallocated C; warm-up products (one for the peers; for NetGen at least two and half a second: its first product of a shape runs on one thread to size its buffers, and .NET recompiles hot methods optimized after a while), then the timed repeats. NumPy and PyTorch call `matmul(a, b, out=c)`; TorchSharp, which has no `out` for matmul, `c.addmm_(a, b, beta: 0, alpha: 1)`, the same call inside libtorch.");
        Line(Invariant($"GFLOP/s = 2n³ / time; share of peak: of the measured FMA peak, {Number(peak, "0.0")} GFLOP/s on {options.Threads} threads. The best peer of each size is marked."));
        Line();
        var rows = new List<string[]>();
        foreach (var size in options.MatrixSizes)
        {
            var netGen = Throughput(size, "NetGen");
            var best = BestPeer(MatrixProducts.Implementations[1..], peer => Throughput(size, peer), higherIsBetter: true);
            foreach (var implementation in MatrixProducts.Implementations.Where(i => !double.IsNaN(Throughput(size, i))))
            {
                var throughput = Throughput(size, implementation);
                rows.Add(
                [
                    MatrixProducts.Workload(size), implementation == best?.Peer ? $"{implementation} (best peer)" : implementation,
                    Number(results.Median(MatrixProducts.Section, MatrixProducts.Workload(size), implementation, MatrixProducts.Metric) * 1e3, "0.00"),
                    Number(throughput, "0.0"), $"{Number(throughput / peak * 100, "0")} %",
                    implementation == "NetGen" ? "" : Ratio(netGen / throughput),
                ]);
            }
        }

        Table(["size", "implementation", "time (ms)", "GFLOP/s", "share of FMA peak", "NetGen / this"], rows);
    }

    private void WriteMnist()
    {
        if (!Has(MnistTraining.Section))
        {
            return;
        }

        Line("## MNIST");
        Line();
        Line(Invariant($"The samples' networks with identical settings on every side: Adam η = 0.001, batch {MnistTraining.BatchSize}, {options.Epochs} epochs, pixels scaled to [0, 1],"));
        Line("NetGen's initialization (He normal before a ReLU, Xavier uniform for the logits, zero biases), the training set reshuffled");
        Line("every epoch. Epoch time: the median over the epochs of the training loop alone; accuracy: on the");
        Line($"10,000 test images after the last epoch.{(options.TrainingLimit is { } limit ? Invariant($" Trained on the first {limit:N0} images only.") : "")}");
        Line();
        Line("PyTorch and TorchSharp draw the same initial weights and the same shuffles from libtorch's generator, seeded alike.");
        Line();
        var rows = new[] { "mlp", "lenet" }.Select(MnistModels.Workload)
            .Select(workload => EpochRow(MnistTraining.Section, workload, s_trainingPeers)
                .Concat([FirstEpoch(workload, "NetGen"), .. s_trainingPeers.Select(peer => FirstEpoch(workload, peer))]).ToArray())
            .ToList();
        Table(["network", "NetGen epoch (s)", "PyTorch epoch (s)", "TorchSharp epoch (s)", "NetGen / best peer", "NetGen accuracy (%)", "PyTorch accuracy (%)",
            "TorchSharp accuracy (%)", "difference (points, to PyTorch)", "NetGen 1st epoch (s)", "PyTorch 1st epoch (s)", "TorchSharp 1st epoch (s)"], rows);
        Line("The first epoch is in the median too; NetGen's includes compiling the training code, which .NET then recompiles optimized.");
        Line();
        WriteStepProfile(MnistTraining.Section, [.. new[] { "mlp", "lenet" }.Select(MnistModels.Workload)], ["NetGen", "PyTorch"]);
    }

    /// <summary>
    /// Where one training step goes, per implementation, and what the epoch spends per batch beyond it (the loop's own
    /// work); nothing when no step profile was measured.
    /// </summary>
    private void WriteStepProfile(string section, IReadOnlyList<string> workloads, IReadOnlyList<string> implementations)
    {
        if (workloads.All(workload => double.IsNaN(results.Median(section, workload, "NetGen", StepProfile.ForwardSeconds))))
        {
            return;
        }

        var batches = Math.Ceiling((options.TrainingLimit ?? 60_000) / (double)MnistTraining.BatchSize);
        Line("Where a training step on one batch goes (milliseconds, medians). NetGen: `Forward` on the batch, then `ComputeGradients`");
        Line("(forward, loss and backward) less that forward, then the Adam step. PyTorch: the forward and loss with autograd recording,");
        Line(Invariant($"`loss.backward()`, `optimizer.step()`. Per batch of the epoch: the epoch's median time over its {batches:0} batches; what it"));
        Line("spends beyond the step is the loop's own work (gathering the shuffled batch, counting correct predictions).");
        Line();
        var rows = workloads.SelectMany(workload => implementations.Select(implementation =>
        {
            var forward = results.Median(section, workload, implementation, StepProfile.ForwardSeconds);
            var backward = results.Median(section, workload, implementation, StepProfile.BackwardSeconds);
            var update = results.Median(section, workload, implementation, StepProfile.UpdateSeconds);
            var perBatch = results.Median(section, workload, implementation, MnistTraining.EpochSeconds) / batches;
            return new[]
            {
                workload, implementation, Number(forward * 1e3, "0.000"), Number(backward * 1e3, "0.000"), Number(update * 1e3, "0.000"),
                Number((forward + backward + update) * 1e3, "0.000"), Number(perBatch * 1e3, "0.000"),
            };
        })).ToList();
        Table(["network", "implementation", "forward (ms)", "backward (ms)", "update (ms)", "step (ms)", "per batch of the epoch (ms)"], rows);
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
        var rows = options.SweepBatchSizes.Select(b => EpochRow(MnistTraining.SweepSection, MnistTraining.SweepWorkload(b), s_trainingPeers)).ToList();
        Table(["workload", "NetGen epoch (s)", "PyTorch epoch (s)", "TorchSharp epoch (s)", "NetGen / best peer", "NetGen accuracy (%)", "PyTorch accuracy (%)",
            "TorchSharp accuracy (%)", "difference (points, to PyTorch)"], rows);
    }

    private void WriteXor()
    {
        if (!Has(XorTraining.Section))
        {
            return;
        }

        Line("## XOR");
        Line();
        Line(Invariant($"Full batch of 4, {options.XorRepeats} repeats, each from a fresh network with the next seed. NetGen, PyTorch and TorchSharp train the XOR sample's network"));
        Line("(2-4-1, tanh then sigmoid, cross-entropy, Adam η = 0.05); NetGen RPROP is the same network trained with `Rprop` (iRPROP−)");
        Line("at FANN's settings (initial step 0.1, smallest step 0); FANN runs its classic example (2-3-1, symmetric sigmoids, RPROP,");
        Line("inputs and targets ±1, MSE on FANN's half-range scale). All stop by FANN's rule (`fann_train_on_data`): on the MSE of");
        Line("a step's own forward outputs, before its update, so no extra forward pass. Times cover the training loop alone.");
        Line();
        var steps = XorTraining.StepsWorkload(options.XorSteps);
        var rows = new[] { "NetGen", XorTraining.NetGenRprop, "PyTorch", BenchContext.TorchSharp, "FANN" }.Select(implementation => new[]
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
        NoTorchSharp();
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
        NoTorchSharp();
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
        WriteStepProfile(Section, [workload], implementations);
        NoTorchSharp();
    }

    private void NoTorchSharp()
    {
        Line("TorchSharp: not run (the TorchSharp peer has no workload for this section).");
        Line();
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
        Line("the output and every intermediate tensor on each call. Timed with `time.perf_counter_ns`. **TorchSharp** makes the same call");
        Line("(`torch.softmax(model.forward(x), 1)` under `torch.inference_mode()`) inside a `torch.NewDisposeScope()`, which frees the call's");
        Line("tensors as it ends, as TorchSharp code must; timed with `Stopwatch.GetTimestamp`. The timer's own cost is in every figure:");
        Line(Invariant($"NetGen {Figure("mlp", "NetGen", InferenceLatency.Timer, "0.000")} µs, PyTorch {Figure("mlp", "PyTorch", InferenceLatency.Timer, "0.000")} µs, TorchSharp {Figure("mlp", BenchContext.TorchSharp, InferenceLatency.Timer, "0.000")} µs (medians of back-to-back readings). The peers may use the run's"));
        Line(Invariant($"thread count ({options.Threads}); NetGen runs one sample on one thread whatever `CpuThreads.Max` is (it splits convolutions by sample and matrix"));
        Line("products only above 2¹⁸ multiply-adds). Percentiles interpolate linearly between ranks. **ONNX Runtime**");
        Line(Invariant($"({OnnxRuntimeSession.Version}, in the harness's process) runs NetGen's ONNX export of the same network with softmax appended,"));
        Line("all graph optimizations, the run's thread count within an operator; one sample through input and output tensors bound once");
        Line("to preallocated buffers, timed by NetGen's loop (the call: the copy in, `Run`, the copy out).");
        Line();
        var rows = new List<string[]>();
        foreach (var model in InferenceLatency.Models)
        {
            var workload = MnistModels.Workload(model);
            var netGen = results.Median(Section, workload, "NetGen", InferenceLatency.P50);
            var best = BestPeer(s_latencyPeers, peer => results.Median(Section, workload, peer, InferenceLatency.P50));
            foreach (var implementation in (string[])["NetGen", .. s_latencyPeers])
            {
                rows.Add(
                [
                    workload, implementation == best?.Peer ? $"{implementation} (best peer)" : implementation, Figure(model, implementation, InferenceLatency.Calls, "N0"),
                    Figure(model, implementation, InferenceLatency.P50, "0.00"), Figure(model, implementation, InferenceLatency.P99, "0.00"),
                    Figure(model, implementation, InferenceLatency.Mean, "0.00"),
                    implementation == "NetGen" ? "" : Ratio(netGen / results.Median(Section, workload, implementation, InferenceLatency.P50)),
                ]);
            }
        }

        Table(["network", "implementation", "calls", "p50 (µs)", "p99 (µs)", "mean (µs)", "NetGen / this (p50)"], rows);
        Line("Both peers bind the same library; each binding adds its own cost per call (Python's module calls in PyTorch; P/Invoke, tensor");
        Line("handles and the dispose scope in TorchSharp).");
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

    // The workload, the epoch times (NetGen's, then each peer's), NetGen's over the best peer's (named when there are several
    // peers), the accuracies in the same order, and NetGen's accuracy less PyTorch's.
    private string[] EpochRow(string section, string workload, string[]? peerNames = null)
    {
        var peerList = peerNames ?? ["PyTorch"];
        var netGen = results.Median(section, workload, "NetGen", MnistTraining.EpochSeconds);
        var best = BestPeer(peerList, peer => results.Median(section, workload, peer, MnistTraining.EpochSeconds));
        return
        [
            workload, Number(netGen, "0.000"), .. peerList.Select(peer => Number(results.Median(section, workload, peer, MnistTraining.EpochSeconds), "0.000")),
            peerList.Length == 1 ? Ratio(netGen / (best?.Value ?? double.NaN)) : RatioTo(best, netGen),
            Number(results.Median(section, workload, "NetGen", MnistTraining.Accuracy), "0.00"),
            .. peerList.Select(peer => Number(results.Median(section, workload, peer, MnistTraining.Accuracy), "0.00")),
            Points(AccuracyDifference(section, workload)),
        ];
    }

    // The peer with the best median (the lowest, or with higherIsBetter the highest) and that median; null when none ran.
    private static (string Peer, double Value)? BestPeer(IEnumerable<string> peerNames, Func<string, double> figure, bool higherIsBetter = false)
    {
        var measured = peerNames.Select(peer => (Peer: peer, Value: figure(peer))).Where(p => !double.IsNaN(p.Value)).ToList();
        return measured.Count == 0 ? null : higherIsBetter ? measured.MaxBy(p => p.Value) : measured.MinBy(p => p.Value);
    }

    // NetGen's figure over the best peer's, and which peer that is.
    private static string RatioTo((string Peer, double Value)? best, double netGen)
        => best is { } b && !double.IsNaN(netGen) ? $"{Ratio(netGen / b.Value)} ({b.Peer})" : "—";

    private string FirstEpoch(string workload, string implementation)
        => results.Find(MnistTraining.Section, workload, implementation, MnistTraining.EpochSeconds) is { Values.Count: > 0 } epochs
            ? Number(epochs.Values[0], "0.000")
            : "—";

    private double AccuracyDifference(string section, string workload)
        => results.Median(section, workload, "NetGen", MnistTraining.Accuracy) - results.Median(section, workload, "PyTorch", MnistTraining.Accuracy);

    private double Throughput(int size, string implementation) => MatrixProducts.Throughput(results, size, implementation);

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

using System.Collections.Generic;
using System.Diagnostics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Bench.TorchSharpPeer;

/// <summary>
/// NetGen's XOR sample as bench/peers/pytorch_xor.py trains it: Linear(2, 4), tanh, Linear(4, 1), sigmoid, mean binary
/// cross-entropy, Adam 0.05, the full batch of four rows. <c>to_mse</c>: steps until the MSE of a step's own forward
/// outputs (before its update) is below 0.01; <c>steps</c>: N timed steps after 10 warm-up steps. Seeds S, S+1, ….
/// </summary>
internal sealed class XorTraining(Arguments arguments, int seed) : IWorkload
{
    public static readonly string[] Options = ["--repeats", "--steps", "--max-epochs"];
    private const double TargetMse = 0.01;
    private const int WarmUpSteps = 10;

    private readonly int _repeats = arguments.Positive("--repeats", 5);
    private readonly int _steps = arguments.Positive("--steps", 10_000);
    private readonly int _maxEpochs = arguments.Positive("--max-epochs", 5_000);

    public IEnumerable<KeyValuePair<string, object?>> About => [new("benchmark", "xor"), new("target_mse", TargetMse)];

    public void Run()
    {
        using var inputs = tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, [4, 2]);
        using var targets = tensor(new float[] { 0, 1, 1, 0 }, [4, 1]);
        TrainToMse(seed, inputs, targets); // untimed warm-up run
        for (var run = seed; run < seed + _repeats; run++)
        {
            var (epochs, seconds, mse) = TrainToMse(run, inputs, targets);
            Output.Progress($"to_mse seed {run}: {epochs} epochs, {seconds * 1e3:0.0} ms, mse {mse:0.00000}");
            Output.Emit(new Dictionary<string, object?>
            {
                ["peer"] = Output.Peer, ["benchmark"] = "xor", ["run"] = "to_mse", ["seed"] = run, ["epochs"] = epochs,
                ["seconds"] = seconds, ["mse"] = mse, ["reached"] = mse < TargetMse,
            });
        }

        for (var run = seed; run < seed + _repeats; run++)
        {
            var seconds = TimeSteps(run, inputs, targets);
            Output.Progress($"steps seed {run}: {_steps} steps, {seconds * 1e3:0.0} ms ({seconds / _steps * 1e6:0.0} us a step)");
            Output.Emit(new Dictionary<string, object?>
            {
                ["peer"] = Output.Peer, ["benchmark"] = "xor", ["run"] = "steps", ["seed"] = run, ["steps"] = _steps, ["seconds"] = seconds,
            });
        }
    }

    private (int Epochs, double Seconds, double Mse) TrainToMse(int runSeed, Tensor inputs, Tensor targets)
    {
        using var trainer = new Trainer(runSeed);
        var (epochs, mse) = (0, double.PositiveInfinity);
        var start = Stopwatch.GetTimestamp();
        while (epochs < _maxEpochs && mse >= TargetMse)
        {
            mse = trainer.Step(inputs, targets, measure: true);
            epochs++;
        }

        return (epochs, Stopwatch.GetElapsedTime(start).TotalSeconds, mse);
    }

    private double TimeSteps(int runSeed, Tensor inputs, Tensor targets)
    {
        using var trainer = new Trainer(runSeed);
        for (var step = 0; step < WarmUpSteps; step++)
        {
            trainer.Step(inputs, targets, measure: false);
        }

        var start = Stopwatch.GetTimestamp();
        for (var step = 0; step < _steps; step++)
        {
            trainer.Step(inputs, targets, measure: false);
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    // A freshly seeded XOR network with its Adam optimizer and loss.
    private sealed class Trainer : System.IDisposable
    {
        private readonly Sequential _model;
        private readonly OptimizerHelper _optimizer;
        private readonly BCELoss _loss = nn.BCELoss();

        public Trainer(int seed)
        {
            manual_seed(seed);
            _model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid());
            _optimizer = optim.Adam(_model.parameters(), 0.05);
        }

        // One full-batch step; with measure, the MSE of its forward outputs, taken before the update.
        public double Step(Tensor inputs, Tensor targets, bool measure)
        {
            using var scope = NewDisposeScope();
            _optimizer.zero_grad();
            var outputs = _model.forward(inputs);
            _loss.forward(outputs, targets).backward();
            _optimizer.step();
            return measure ? (outputs.detach() - targets).pow(2).mean().item<float>() : 0;
        }

        public void Dispose()
        {
            _optimizer.Dispose();
            _loss.Dispose();
            _model.Dispose();
        }
    }
}

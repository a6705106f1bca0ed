using System;
using System.Diagnostics;
using System.Globalization;
using NetGen;
using NetGen.Cpu;
using NetGen.Cuda;
using NetGen.Optimizers;
using NetGen.Samples.Xor;

// Trains XOR with full-batch steps until the mean squared error of the outputs falls below 0.01,
// then prints the truth table. Exits 1 if the network did not learn within the epoch budget.
// Options: --seed N, --max-epochs N, --device auto|cpu|cuda[:N] (default cpu),
// --optimizer adam|rprop (default adam: Adam with η = 0.05; rprop: iRPROP− with PyTorch's defaults, FANN's algorithm).

var seed = ReadOption(args, "--seed", 1);
var maxEpochs = ReadOption(args, "--max-epochs", 5_000);
var optimizerIndex = Array.IndexOf(args, "--optimizer");
var optimizerName = optimizerIndex < 0 ? "adam" : optimizerIndex + 1 < args.Length ? args[optimizerIndex + 1] : "";
Optimizer? optimizer = optimizerName switch
{
    "adam" => new Adam(learningRate: 0.05f),
    "rprop" => new Rprop(),
    _ => null,
};
if (optimizer is null)
{
    Console.Error.WriteLine($"--optimizer takes adam or rprop, not '{optimizerName}'.");
    return 2;
}

float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1];
float[] targets = [0, 1, 1, 0];

DeviceSelection device;
try
{
    var deviceIndex = Array.IndexOf(args, "--device");
    device = DeviceSelection.Resolve(deviceIndex >= 0 && deviceIndex + 1 < args.Length ? ComputeDevice.Parse(args[deviceIndex + 1]) : ComputeDevice.Cpu, Console.Out);
}
catch (Exception error) when (error is FormatException or CudaUnavailableException)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var network = new XorNet();
network.Initialize(seed);
Console.WriteLine(XorNet.Summary);
Console.WriteLine(optimizer);
Console.WriteLine();

var outputs = new float[4];
var clock = Stopwatch.StartNew();
var epochs = 0;
var meanSquaredError = double.MaxValue;
using (var session = device.IsCuda ? CudaSession.Open(network, device.Cuda!, batchCapacity: 4) : null)
{
    while (epochs < maxEpochs && meanSquaredError >= 0.01)
    {
        if (session is null)
        {
            network.TrainStep(inputs, targets, optimizer);
            network.Forward(inputs, outputs);
        }
        else
        {
            session.Stage(inputs, targets);
            session.LaunchTrainingStep(optimizer);
            session.Finish();
            session.Forward(inputs, outputs);
        }

        epochs++;
        meanSquaredError = MeanSquaredError(outputs, targets);
    }

    session?.DownloadParameters();
}

clock.Stop();
Console.WriteLine(" x1  x2 | target | output");
for (var i = 0; i < 4; i++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {inputs[2 * i]:0}   {inputs[(2 * i) + 1]:0} |   {targets[i]:0}    | {outputs[i]:0.0000}"));
}

var learned = meanSquaredError < 0.01;
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{(learned ? "Learned" : "Did not learn")} XOR in {epochs} epochs ({clock.Elapsed.TotalMilliseconds:0.0} ms, seed {seed}, on {device}{(device.IsCuda ? "" : ", " + CpuKernels.InstructionSet + " kernels")}); mean squared error {meanSquaredError:0.00000}."));
return learned ? 0 : 1;

static double MeanSquaredError(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets)
{
    var sum = 0.0;
    for (var i = 0; i < outputs.Length; i++)
    {
        sum += (outputs[i] - targets[i]) * (outputs[i] - targets[i]);
    }

    return sum / outputs.Length;
}

static int ReadOption(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    if (index < 0)
    {
        return fallback;
    }

    if (index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
    {
        return value;
    }

    Console.Error.WriteLine($"{name} needs an integer value.");
    Environment.Exit(2);
    return fallback;
}

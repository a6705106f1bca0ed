using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NetGen;
using NetGen.Bench;
using NetGen.Optimizers;

// Training throughput of the 784-128-10 MLP (Adam 1e-3, batch 128) on random data shaped like MNIST:
// one warm-up epoch, then the median of several timed epochs. Random data keeps this independent of
// the dataset download; the figure is samples per second of the whole training loop (gather, forward,
// loss, backward, optimizer step).

const int Samples = 60_000;
const int BatchSize = 128;
var epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;

var random = new SeededRandom(1);
var inputs = new float[Samples * MnistMlp.InputSize];
for (var i = 0; i < inputs.Length; i++)
{
    inputs[i] = random.NextSingle();
}

var labels = Enumerable.Range(0, Samples).Select(_ => random.NextInt(MnistMlp.OutputSize)).ToArray();
var data = Dataset.FromClassLabels(inputs, MnistMlp.InputSize, labels, MnistMlp.OutputSize);
var network = new MnistMlp();
var options = new TrainingOptions { Epochs = 1, BatchSize = BatchSize, Optimizer = new Adam() };

Console.WriteLine($"MNIST-shaped MLP 784-128-10, Adam, batch {BatchSize}, {Samples:N0} random samples, {Environment.ProcessorCount} cores");
network.Fit(data, options);
var seconds = new double[epochs];
for (var epoch = 0; epoch < epochs; epoch++)
{
    var clock = Stopwatch.StartNew();
    network.Fit(data, options);
    seconds[epoch] = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1}: {seconds[epoch]:0.000} s, {Samples / seconds[epoch]:N0} samples/s"));
}

Array.Sort(seconds);
var median = seconds[epochs / 2];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median epoch {median:0.000} s = {Samples / median:N0} samples/s"));

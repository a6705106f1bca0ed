using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NetGen;
using NetGen.Cpu;
using NetGen.Data;
using NetGen.Onnx;
using NetGen.Samples.Mnist;
using Spectre.Console;

// Trains the MNIST multilayer perceptron (or LeNet-5) on the CPU, prints test accuracy per epoch and a
// confusion matrix, and saves the weights.

SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (HelpRequested)
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}

if (Console.IsOutputRedirected)
{
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
}

var directory = options.DataDirectory ?? Mnist.DefaultDirectory;
if (!MnistData.EnsureAvailable(directory))
{
    return 3;
}

var training = Mnist.Load(directory, MnistSplit.Training);
if (options.Limit is { } limit && limit < training.Count)
{
    training = training.Take(limit);
}

var test = Mnist.Load(directory, MnistSplit.Test);
var trainingData = Dataset.FromClassLabels(training.Images, MnistSet.ImageSize, training.Labels, MnistSet.Classes);
var testData = Dataset.FromClassLabels(test.Images, MnistSet.ImageSize, test.Labels, MnistSet.Classes);

INetwork network = options.Model switch
{
    "lenet" => new LeNet5(),
    "regularized" => new RegularizedLeNet(),
    _ => new MnistMlp(),
};
network.Initialize(options.Seed);
var optimizer = options.CreateOptimizer();
DeviceSelection device;
try
{
    device = DeviceSelection.Resolve(options.Device, Console.Out);
}
catch (CudaUnavailableException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

Console.WriteLine(options.Model switch
{
    "lenet" => LeNet5.Summary,
    "regularized" => RegularizedLeNet.Summary,
    _ => MnistMlp.Summary,
});
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Training on {training.Count:N0} images, testing on {test.Count:N0}; {optimizer}, batch {options.BatchSize}, {options.Epochs} epochs, seed {options.Seed}, on {(device.IsCuda ? device.ToString() : Environment.ProcessorCount + " CPU cores, " + CpuKernels.InstructionSet + " kernels")}."));

var trainingDevice = device.IsCuda ? ComputeDevice.Cuda(device.Cuda!.Ordinal) : ComputeDevice.Cpu;
var heldOut = options.HeldOutFraction;
var callbacks = options.CreateCallbacks();
if (heldOut > 0)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Holding out {heldOut:P0} of the training images to validate on; the test set is scored once, at the end."));
}

if (options.Augmentation is { } augmentation)
{
    Console.WriteLine($"Augmenting the training images: {augmentation}.");
}

if (callbacks.Length > 0)
{
    Console.WriteLine($"Training control: {string.Join(", ", callbacks.Select(callback => callback.ToString()))}.");
}

var validationLabel = heldOut > 0 ? "validation" : "test";
var clock = Stopwatch.StartNew();
var history = TrainingDisplay.Fit(network, trainingData, new TrainingOptions
{
    Epochs = options.Epochs,
    BatchSize = options.BatchSize,
    Optimizer = optimizer,
    Seed = options.Seed,
    Validation = heldOut > 0 ? null : testData,
    ValidationSplit = heldOut,
    Callbacks = callbacks,
    Device = trainingDevice,
    Augmentation = options.Augmentation,
}, validationLabel);
clock.Stop();

if (callbacks.OfType<EarlyStopping>().SingleOrDefault() is { } earlyStopping)
{
    var stopped = earlyStopping.StoppedEarly
        ? string.Create(CultureInfo.InvariantCulture, $"Stopped early after epoch {earlyStopping.StoppedEpoch}; kept")
        : "Kept";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{stopped} epoch {earlyStopping.BestEpoch}'s weights and statistics (validation loss {earlyStopping.BestValue:0.0000})."));
}

var testAccuracy = heldOut > 0 || callbacks.OfType<EarlyStopping>().Any()
    ? Trainer.Evaluate(network, testData, batchSize: 256, trainingDevice).Accuracy
    : history.Last!.ValidationAccuracy;
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Test accuracy {testAccuracy:P2} after {history.Epochs.Count} epochs ({clock.Elapsed.TotalSeconds:0.0} s in all)."));
var confusion = ConfusionMatrix.Compute(network, testData);
confusion.Render();

var weightsPath = options.WeightsPath ?? $"mnist-{options.Model}.ngw";
if (weightsPath.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
{
    SafeTensors.Save(network, weightsPath);
}
else
{
    Checkpoint.Save(network, weightsPath);
}

Console.WriteLine($"Weights saved to {System.IO.Path.GetFullPath(weightsPath)}.");
if (options.OnnxPath is { } onnxPath)
{
    OnnxExport.Save(network, onnxPath, new OnnxExportOptions { AppendSoftmax = true });
    Console.WriteLine($"ONNX model saved to {System.IO.Path.GetFullPath(onnxPath)}.");
}

if (options.PlotsDirectory is { } plotsDirectory)
{
    foreach (var path in SamplePlots.Write(plotsDirectory, history, confusion.Counts, validationLabel))
    {
        Console.WriteLine($"Plot saved to {path}.");
    }
}

return 0;

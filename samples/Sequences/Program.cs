using System;
using System.Diagnostics;
using System.Globalization;
using NetGen.Cpu;
using NetGen.Data;
using NetGen.Samples.Sequences;

// Recurrent networks on sequences:
//   mnist   row-by-row MNIST, each digit as 28 steps of a 28-pixel row, read by an LSTM (or GRU, or Elman network)
//   adding  the adding problem at 10, 30 and 50 steps: the Elman network against the LSTM and the GRU

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
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

if (options.Threads is { } threads)
{
    CpuThreads.Max = threads;
}

return options.Command == "mnist" ? RunRowMnist(options) : RunAdding(options);

static int RunRowMnist(SampleOptions options)
{
    var directory = options.DataDirectory ?? Mnist.DefaultDirectory;
    if (!MnistFiles.EnsureAvailable(directory))
    {
        return 3;
    }

    var settings = options.RowMnist;
    var training = RowMnist.Sequences(Mnist.Load(directory, MnistSplit.Training), settings.TrainingLimit);
    var test = RowMnist.Sequences(Mnist.Load(directory, MnistSplit.Test));
    Console.WriteLine(RowMnist.Summary(settings.Cell));
    Console.WriteLine();
    Console.WriteLine(
        $"Each digit is {RowMnist.Steps} steps of {RowMnist.Features} pixels (one row per step, pixels in [0, 1]). Training on {training.Count:N0} images, " +
        $"testing on {test.Count:N0}; Adam {settings.LearningRate}, batch {settings.BatchSize}, {Plural(settings.Epochs, "epoch")}, seed {settings.Seed}, " +
        $"on {Plural(CpuThreads.Max, "CPU thread")}, {CpuKernels.InstructionSet} kernels.");

    var clock = Stopwatch.StartNew();
    var (_, history) = RowMnist.Train(settings, training, test,
        epoch => Console.WriteLine(
            $"epoch {epoch.Epoch}: loss {epoch.Loss:0.0000}, accuracy {epoch.Accuracy:P2}, test loss {epoch.ValidationLoss:0.0000}, " +
            $"test accuracy {epoch.ValidationAccuracy:P2}, {epoch.Elapsed.TotalSeconds:0.0} s ({epoch.SamplesPerSecond:N0} samples/s)"),
        progress =>
        {
            if (progress.Batch % 100 == 0)
            {
                Console.WriteLine($"  epoch {progress.Epoch}/{progress.Epochs} batch {progress.Batch}/{progress.Batches}: loss {progress.Loss:0.0000}, accuracy {progress.Accuracy:P1}");
            }
        });
    clock.Stop();
    Console.WriteLine();
    Console.WriteLine($"Test accuracy {history.Last!.ValidationAccuracy:P2} after {Plural(history.Epochs.Count, "epoch")} ({clock.Elapsed.TotalSeconds:0.0} s in all).");
    return 0;
}

static int RunAdding(SampleOptions options)
{
    var settings = options.Adding;
    Console.WriteLine(
        $"The adding problem: {settings.TrainingSamples:N0} training and {settings.ValidationSamples:N0} validation sequences per length, one marker in each half; " +
        $"{AddingProblem.Units} units, Adam {settings.LearningRate}, batch {settings.BatchSize}, {Plural(settings.Epochs, "epoch")} ({settings.Steps:N0} steps), seed {settings.Seed}, " +
        $"on {Plural(CpuThreads.Max, "CPU thread")}.");
    Console.WriteLine();
    var clock = Stopwatch.StartNew();
    var runs = AddingExperiment.Run(settings, run => Console.WriteLine(AddingTable.Describe(run)));
    clock.Stop();
    Console.WriteLine();
    Console.WriteLine($"Validation MSE after {settings.Steps:N0} steps ({clock.Elapsed.TotalSeconds:0} s in all):");
    Console.WriteLine(AddingTable.Format(runs));
    return 0;
}

static string Plural(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";

using System;
using System.Globalization;
using System.Threading;
using NetGen;
using NetGen.Cpu;
using NetGen.Data;
using NetGen.Samples.Search;
using NetGen.Search;
using Spectre.Console;

// Searches the learning rate, batch size and optimizer of an MNIST perceptron, ranks the trials by validation loss and
// scores the best network on the test set.

SearchSampleOptions options;
try
{
    options = SearchSampleOptions.Parse(args);
}
catch (HelpRequested)
{
    Console.WriteLine(SearchSampleOptions.Usage);
    return 0;
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(SearchSampleOptions.Usage);
    return 2;
}

if (Console.IsOutputRedirected)
{
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
    AnsiConsole.Console.Profile.Width = 100;
}

var directory = options.DataDirectory ?? Mnist.DefaultDirectory;
if (!Mnist.IsAvailable(directory))
{
    Console.Error.WriteLine($"MNIST is not in {directory}; run scripts/fetch-mnist.sh or pass --data-dir.");
    return 3;
}

var images = Mnist.Load(directory, MnistSplit.Training);
images = images.Take(Math.Min(options.Limit, images.Count));
var training = Dataset.FromClassLabels(images.Images, MnistSet.ImageSize, images.Labels, MnistSet.Classes);

var space = options.RandomTrials is null ? MnistSearchSpace.Grid : MnistSearchSpace.Random;
var configurations = options.RandomTrials is { } count
    ? RandomSearch.Configurations(space, count, options.Seed)
    : GridSearch.Configurations(space);
var searchOptions = new SearchOptions
{
    MaxEpochs = options.MaxEpochs,
    Patience = options.Patience,
    ValidationSplit = 0.2,
    Seed = options.Seed,
    MaxParallelTrials = options.Parallel,
    TrialCompleted = new TrialReport(configurations.Count).Write,
};

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{(options.RandomTrials is null ? "Grid" : "Random")} search of {configurations.Count} trials of {nameof(DigitsMlp)} on {training.Count:N0} MNIST images " +
    $"({searchOptions.ValidationSplit:P0} held out to score them): optimizers {string.Join("/", space.Optimizers)}, learning rates {space.LearningRates}, " +
    $"batch sizes {string.Join("/", space.BatchSizes)}; at most {options.MaxEpochs} epochs, patience {options.Patience}, " +
    $"{options.Parallel} at a time, on {Environment.ProcessorCount} CPU cores ({CpuThreads.Max} threads)."));

var result = HyperparameterSearch.Run(configurations, training, searchOptions);

AnsiConsole.Write(ResultsTable.Build(result));
var best = result.Best;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Best: {best.Configuration.Optimizer}, learning rate {best.Configuration.LearningRate:G3}, batch {best.Configuration.BatchSize} " +
    $"(trial {best.Configuration.Index}): validation loss {best.ValidationLoss:0.0000}, accuracy {best.ValidationAccuracy:P2} in epoch {best.BestEpoch}."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The search took {result.Duration.TotalSeconds:0.0} s."));

if (options.EvaluateOnTest)
{
    var test = Mnist.Load(directory, MnistSplit.Test);
    var evaluation = Trainer.Evaluate(result.BestNetwork, Dataset.FromClassLabels(test.Images, MnistSet.ImageSize, test.Labels, MnistSet.Classes));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"The best network on the {test.Count:N0} test images: loss {evaluation.Loss:0.0000}, accuracy {evaluation.Accuracy:P2}."));
}

return 0;

/// <summary>One line per finished trial; the search calls it from one trial at a time.</summary>
internal sealed class TrialReport(int trials)
{
    private int _finished;

    public void Write(TrialResult trial) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  [{Interlocked.Increment(ref _finished)}/{trials}] {trial.Configuration}: {trial.EpochsRun} epochs, " +
        $"validation loss {trial.ValidationLoss:0.0000}, accuracy {trial.ValidationAccuracy:P2} ({trial.Duration.TotalSeconds:0.0} s)"));
}

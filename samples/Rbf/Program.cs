using System;
using System.Globalization;
using System.IO;
using NetGen.Plotting;
using NetGen.Samples.Rbf;

// An RBF network against a tanh network of the same parameter count on a damped sine. --plots DIR saves the figure.

string? plots = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--plots" && i + 1 < args.Length)
    {
        plots = args[++i];
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: Rbf [--plots DIR]");
        return 2;
    }
}

var settings = new FitSettings();
var result = FitExperiment.Run(settings);

Console.WriteLine(RbfRegressor.Summary);
Console.WriteLine();
Console.WriteLine(TanhRegressor.Summary);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"y = sin(3x)·exp(−x²/4) on [−4, 4]: {settings.TrainingPoints} noisy training points (σ = {settings.Noise}), x scaled to [−1, 1]; " +
    $"Adam {settings.LearningRate}, {settings.Epochs} epochs, batch {settings.BatchSize}, seed {settings.Seed}."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"k-means placed the {RbfRegressor.Layers.Kernels.Center.Shape[0]} centres; initial width σ = {result.InitialWidth:0.000} (scaled x)."));
Console.WriteLine();
Console.WriteLine($"{"network",-8} {"parameters",10} {"test MSE",10}");
foreach (var fit in new[] { result.Rbf, result.Tanh })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fit.Name,-8} {fit.Parameters,10} {fit.TestMse,10:0.00000}"));
}

if (plots is not null)
{
    Console.WriteLine();
    Console.WriteLine("Saved " + PlotFile.Save(FitPlot.Create(result), Path.Combine(plots, "rbf-fit.png"), 800, 480));
}

return 0;

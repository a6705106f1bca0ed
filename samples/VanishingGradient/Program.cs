using System;
using System.Globalization;
using System.IO;
using NetGen.Plotting;
using NetGen.Samples.VanishingGradient;

// The vanishing gradient: a deep sigmoid stack beside the same stack with ReLU, and how strongly the gradient reaches
// each of their layers during the first training steps. --plots DIR also saves the figure as a PNG.

string? plots = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--plots" && i + 1 < args.Length)
    {
        plots = args[++i];
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: VanishingGradient [--plots DIR]");
        return 2;
    }
}

var options = new ExperimentOptions();
var result = VanishingGradientExperiment.Run(options);

Console.WriteLine(DeepSigmoidStack.Summary);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Gradient check of the sigmoid stack (one batch): worst relative error {result.SigmoidGradientCheck.WorstRelativeError:0.0e+0} over {result.SigmoidGradientCheck.ElementsChecked} parameters."));
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Mean weight-gradient norm per layer over the first {options.Steps} steps (batch {options.BatchSize}, SGD {options.LearningRate}, seed {options.Seed}):"));
Console.WriteLine(NormTable.Format(result));

if (plots is not null)
{
    Console.WriteLine();
    Console.WriteLine("Saved " + PlotFile.Save(GradientNormPlot.Create(result), Path.Combine(plots, "vanishing-gradient.png"), 800, 480));
}

return 0;

using System;
using System.IO;
using NetGen.Samples.Classics.Regression;

namespace NetGen.Samples.Classics;

/// <summary>The logistic command: fits two blobs and prints the boundary and the accuracy.</summary>
public static class LogisticRegressionReport
{
    /// <summary>Runs the command; always 0.</summary>
    public static int Run(SampleOptions options, TextWriter output)
    {
        var result = LogisticRegressionTraining.Run(options.Seed);
        output.WriteLine($"{result.Data.Count} points, class 0 around {TwoBlobs.Center0}, class 1 around {TwoBlobs.Center1}, spread {TwoBlobs.Spread}, seed {options.Seed}");
        output.WriteLine($"{result.Epochs} full-batch SGD steps at η = {LogisticRegressionTraining.LearningRate}: mean cross-entropy {result.FinalLoss:0.0000}");
        output.WriteLine("boundary " + LineText.Of(result.Weight1, result.Weight2, result.Bias, "0.000") + ", i.e. " +
            LineText.Of(result.Weight1 / result.Weight2, 1, result.Bias / result.Weight2, "0.000") + " (best: x₁ + x₂ − 4 = 0)");
        output.WriteLine($"distance from the centres' midpoint (2, 2) to the boundary: {BoundaryGeometry.MidpointDistance(result):0.000}");
        output.WriteLine($"angle between w and the best direction (1, 1): {BoundaryGeometry.AngleToBestDirection(result):0.0}°");
        output.WriteLine($"accuracy on the data: {result.Accuracy:P1}");
        if (options.PlotsDirectory is { } directory)
        {
            output.WriteLine("wrote " + Path.GetRelativePath(Directory.GetCurrentDirectory(), LogisticFigure.Save(result, Path.Combine(directory, "logistic-regression-boundary.png"))));
        }

        return 0;
    }
}

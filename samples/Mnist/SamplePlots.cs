using System.Collections.Generic;
using System.IO;
using NetGen.Plotting;

namespace NetGen.Samples.Mnist;

/// <summary>The sample's figures for --plots: the training curves and the test set's confusion matrix, each as PNG and SVG.</summary>
internal static class SamplePlots
{
    private const int CurvesWidth = 1200, CurvesHeight = 480;
    private const int ConfusionWidth = 760, ConfusionHeight = 640;

    /// <summary>Writes the four files into <paramref name="directory"/> and returns their full paths.</summary>
    public static IReadOnlyList<string> Write(string directory, TrainingHistory history, int[,] confusionCounts, string validationLabel)
    {
        var curves = TrainingPlots.Curves(history, validationLabel);
        var confusion = ConfusionMatrixPlot.Create(confusionCounts, title: "Confusion matrix on the test set");
        return
        [
            PlotFile.Save(curves, Path.Combine(directory, "training-curves.png"), CurvesWidth, CurvesHeight),
            PlotFile.Save(curves, Path.Combine(directory, "training-curves.svg"), CurvesWidth, CurvesHeight),
            PlotFile.Save(confusion, Path.Combine(directory, "confusion-matrix.png"), ConfusionWidth, ConfusionHeight),
            PlotFile.Save(confusion, Path.Combine(directory, "confusion-matrix.svg"), ConfusionWidth, ConfusionHeight),
        ];
    }
}

using System;

namespace NetGen.Plotting.Tests;

/// <summary>Training histories with chosen figures.</summary>
internal static class Histories
{
    /// <summary>A history of one epoch per loss; each figure absent from the call is NaN in every epoch.</summary>
    public static TrainingHistory Of(double[] loss, double[]? accuracy = null, double[]? validationLoss = null,
        double[]? validationAccuracy = null)
    {
        var history = new TrainingHistory();
        for (var i = 0; i < loss.Length; i++)
        {
            history.Add(new EpochResult(i + 1, loss[i], At(accuracy, i), At(validationLoss, i), At(validationAccuracy, i),
                TimeSpan.FromSeconds(1), SamplesPerSecond: 1000, LearningRate: 0.001f));
        }

        return history;
    }

    private static double At(double[]? values, int index) => values is null ? double.NaN : values[index];
}

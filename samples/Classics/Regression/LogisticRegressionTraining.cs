using System;
using NetGen.Optimizers;

namespace NetGen.Samples.Classics.Regression;

/// <summary>The fitted boundary w₁x₁ + w₂x₂ + b = 0 and how well it classifies the data it was fitted on.</summary>
public sealed record LogisticResult(TwoBlobs Data, float Weight1, float Weight2, float Bias, double Accuracy, double FinalLoss, int Epochs);

/// <summary>Fits <see cref="LogisticModel"/> to two blobs with full-batch gradient descent.</summary>
public static class LogisticRegressionTraining
{
    /// <summary>Points per class.</summary>
    public const int PointsPerClass = 500;

    /// <summary>Full-batch steps.</summary>
    public const int Epochs = 2000;

    /// <summary>SGD's learning rate on the mean cross-entropy.</summary>
    public const float LearningRate = 1f;

    /// <summary>Draws the data from <paramref name="seed"/>, fits, and scores the fit on the same points.</summary>
    public static LogisticResult Run(int seed)
    {
        var data = TwoBlobs.Generate(PointsPerClass, seed);
        var network = new LogisticModel();
        network.Initialize(seed);
        var history = network.Fit(data.Inputs, data.Labels, new TrainingOptions
        {
            Epochs = Epochs,
            BatchSize = data.Count,
            Shuffle = false,
            Optimizer = new Sgd(LearningRate),
        });

        var probabilities = new float[data.Count];
        network.Forward(data.Inputs, probabilities);
        var right = 0;
        for (var point = 0; point < data.Count; point++)
        {
            right += (probabilities[point] >= 0.5f) == (data.Labels[point] == 1f) ? 1 : 0;
        }

        var weight = LogisticModel.Layers.Boundary.Weight.Slice(network.Parameters);
        var bias = LogisticModel.Layers.Boundary.Bias.Slice(network.Parameters);
        return new LogisticResult(data, weight[0], weight[1], bias[0], (double)right / data.Count, history.Epochs[^1].Loss, Epochs);
    }
}

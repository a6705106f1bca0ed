using System;
using NetGen.Optimizers;

namespace NetGen.Samples.Rbf;

/// <summary>What the sample fixes: data, noise, optimizer, epochs and the seed both networks share.</summary>
public sealed record FitSettings(int TrainingPoints = 200, int TestPoints = 400, double Noise = 0.05, int Epochs = 400, int BatchSize = 20, float LearningRate = 0.01f, int Seed = 1);

/// <summary>One network's fit: its parameter count, its test MSE against the noiseless truth, and its predictions on the test grid.</summary>
public sealed record NetworkFit(string Name, int Parameters, double TestMse, float[] Predictions);

/// <summary>Both fits, the training points and the test grid they were scored on.</summary>
public sealed record FitResult(NetworkFit Rbf, NetworkFit Tanh, double[] TrainingX, float[] TrainingY, double[] TestX, float[] TestY, float InitialWidth);

/// <summary>
/// Fits the damped sine with the RBF network (its centres placed by k-means on the training inputs, the widths from their
/// spacing) and with the tanh network of the same parameter count, with the same Adam, epochs, batches and seed.
/// </summary>
public static class FitExperiment
{
    public static FitResult Run(FitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var training = DampedSine.Noisy(settings.TrainingPoints, settings.Noise, settings.Seed);
        var test = DampedSine.Grid(settings.TestPoints);

        var rbf = new RbfRegressor();
        rbf.Initialize(settings.Seed);
        var width = RbfInitialization.KMeans(rbf, (RbfLayerInfo)((INetwork)rbf).Layers[0], training.Inputs, settings.Seed);
        var tanh = new TanhRegressor();
        tanh.Initialize(settings.Seed);

        return new FitResult(
            Fit("RBF", rbf, training.Inputs, training.Targets, test.Inputs, test.Targets, settings),
            Fit("tanh", tanh, training.Inputs, training.Targets, test.Inputs, test.Targets, settings),
            training.X, training.Targets, test.X, test.Targets, width);
    }

    private static NetworkFit Fit(string name, INetwork network, float[] inputs, float[] targets, float[] testInputs, float[] testTargets, FitSettings settings)
    {
        Trainer.Fit(network, new Dataset(inputs, targets, network.InputSize, network.OutputSize), new TrainingOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Seed = settings.Seed,
            Optimizer = new Adam(settings.LearningRate),
        });

        var predictions = new float[testTargets.Length];
        network.Forward(testInputs, predictions);
        return new NetworkFit(name, network.ParameterCount, MeanSquaredError(predictions, testTargets), predictions);
    }

    private static double MeanSquaredError(float[] predictions, float[] targets)
    {
        var sum = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            var difference = (double)predictions[i] - targets[i];
            sum += difference * difference;
        }

        return sum / targets.Length;
    }
}

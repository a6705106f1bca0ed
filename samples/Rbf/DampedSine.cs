using System;

namespace NetGen.Samples.Rbf;

/// <summary>One-dimensional regression data: y = sin(3x)·exp(−x²/4) on [−4, 4], local bumps that Gaussian kernels suit.</summary>
public static class DampedSine
{
    public const double Low = -4;
    public const double High = 4;

    public static double Truth(double x) => Math.Sin(3 * x) * Math.Exp(-x * x / 4);

    /// <summary>The network's input for x: x scaled to [−1, 1], the same for both networks.</summary>
    public static float Scaled(double x) => (float)(x / High);

    /// <summary><paramref name="count"/> points at uniformly drawn x with Gaussian noise of <paramref name="noise"/> on y.</summary>
    public static (double[] X, float[] Inputs, float[] Targets) Noisy(int count, double noise, int seed)
    {
        var random = new SeededRandom(seed);
        var x = new double[count];
        var targets = new float[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = Low + ((High - Low) * random.NextDouble());
            targets[i] = (float)(Truth(x[i]) + (noise * random.NextGaussian()));
        }

        return (x, Array.ConvertAll(x, Scaled), targets);
    }

    /// <summary><paramref name="count"/> evenly spaced x over the whole range with the noiseless y: the test set.</summary>
    public static (double[] X, float[] Inputs, float[] Targets) Grid(int count)
    {
        var x = new double[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = Low + ((High - Low) * i / (count - 1));
        }

        return (x, Array.ConvertAll(x, Scaled), Array.ConvertAll(x, value => (float)Truth(value)));
    }
}

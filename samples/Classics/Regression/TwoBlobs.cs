using System;

namespace NetGen.Samples.Classics.Regression;

/// <summary>
/// Two round Gaussian clouds of equal spread, class 0 around (1, 1) and class 1 around (3, 3). With equal spreads the
/// best boundary is the perpendicular bisector of the centres, x₁ + x₂ = 4, direction (1, 1)/√2.
/// </summary>
public sealed class TwoBlobs
{
    /// <summary>The centre of class 0.</summary>
    public static readonly (double X1, double X2) Center0 = (1, 1);

    /// <summary>The centre of class 1.</summary>
    public static readonly (double X1, double X2) Center1 = (3, 3);

    /// <summary>The standard deviation of each coordinate around its centre.</summary>
    public const double Spread = 0.7;

    private TwoBlobs(float[] inputs, float[] labels)
    {
        Inputs = inputs;
        Labels = labels;
    }

    /// <summary>(x₁, x₂) per point, two floats a point.</summary>
    public float[] Inputs { get; }

    /// <summary>0 or 1 per point.</summary>
    public float[] Labels { get; }

    /// <summary>The number of points.</summary>
    public int Count => Labels.Length;

    /// <summary><paramref name="perClass"/> points of each class, alternating, drawn from <paramref name="seed"/>.</summary>
    public static TwoBlobs Generate(int perClass, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perClass);
        var random = new Random(seed);
        var inputs = new float[4 * perClass];
        var labels = new float[2 * perClass];
        for (var point = 0; point < labels.Length; point++)
        {
            var label = point % 2;
            var center = label == 0 ? Center0 : Center1;
            labels[point] = label;
            inputs[2 * point] = (float)(center.X1 + (Spread * StandardNormal(random)));
            inputs[(2 * point) + 1] = (float)(center.X2 + (Spread * StandardNormal(random)));
        }

        return new TwoBlobs(inputs, labels);
    }

    // Box–Muller; 1 − NextDouble() is in (0, 1], so the logarithm is finite.
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

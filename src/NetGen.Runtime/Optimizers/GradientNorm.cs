using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Optimizers;

/// <summary>‖g‖² of a gradient buffer, summed in double: what norm clipping scales by, and the training guard's test.</summary>
internal static class GradientNorm
{
    /// <summary>
    /// Σ g², widened to double. A finite float squared cannot overflow a double, nor can any realistic count of them added
    /// up, so the sum is finite exactly when every value is.
    /// </summary>
    public static double SumOfSquares(ReadOnlySpan<float> values)
    {
        ReadOnlySpan<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        Vector<double> lowerSum = Vector<double>.Zero;
        Vector<double> upperSum = Vector<double>.Zero;
        foreach (Vector<float> vector in vectors)
        {
            Vector.Widen(vector, out Vector<double> lower, out Vector<double> upper);
            lowerSum += lower * lower;
            upperSum += upper * upper;
        }

        double sum = Vector.Sum(lowerSum + upperSum);
        for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            double value = values[i];
            sum += value * value;
        }

        return sum;
    }
}

using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Internal;

/// <summary>Finds NaN and ±∞ in float buffers, a vector at a time, allocating nothing.</summary>
internal static class NonFiniteValues
{
    /// <summary>Vectors tested per iteration, their results combined before one branch.</summary>
    private const int VectorsPerGroup = 4;

    /// <summary>The index of the first NaN or ±∞ in <paramref name="values"/>, or -1 when every value is finite.</summary>
    public static int IndexOfFirst(ReadOnlySpan<float> values)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        var largest = new Vector<float>(float.MaxValue);
        var group = 0;
        for (; group + VectorsPerGroup <= vectors.Length; group += VectorsPerGroup)
        {
            // |x| ≤ float.MaxValue is false exactly for NaN and ±∞.
            var finite = Vector.LessThanOrEqual(Vector.Abs(vectors[group]), largest)
                & Vector.LessThanOrEqual(Vector.Abs(vectors[group + 1]), largest)
                & Vector.LessThanOrEqual(Vector.Abs(vectors[group + 2]), largest)
                & Vector.LessThanOrEqual(Vector.Abs(vectors[group + 3]), largest);
            if (!Vector.EqualsAll(finite, Vector<int>.AllBitsSet))
            {
                break; // the scalar loop below finds which element
            }
        }

        for (var i = group * Vector<float>.Count; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"NaN", "+∞" or "-∞" (the invariant culture spells infinity out as a word).</summary>
    public static string Describe(float value) =>
        float.IsNaN(value) ? "NaN" : float.IsPositiveInfinity(value) ? "+∞" : float.IsNegativeInfinity(value) ? "-∞" : value.ToString("R", CultureInfo.InvariantCulture);
}

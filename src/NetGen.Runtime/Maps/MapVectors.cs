using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Maps;

/// <summary>The two vector operations a map is made of, with <see cref="Vector{T}"/>: a squared distance and a step towards a sample.</summary>
internal static class MapVectors
{
    public static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sums = Vector<float>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectorsA = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vectorsB = MemoryMarshal.Cast<float, Vector<float>>(b[..a.Length]);
            for (var v = 0; v < vectorsA.Length; v++)
            {
                var difference = vectorsA[v] - vectorsB[v];
                sums += difference * difference;
            }

            i = vectorsA.Length * Vector<float>.Count;
        }

        var sum = Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            var difference = a[i] - b[i];
            sum += difference * difference;
        }

        return sum;
    }

    /// <summary><paramref name="weights"/> += <paramref name="rate"/> · (<paramref name="sample"/> − <paramref name="weights"/>).</summary>
    public static void MoveTowards(Span<float> weights, ReadOnlySpan<float> sample, float rate)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectorsW = MemoryMarshal.Cast<float, Vector<float>>(weights);
            var vectorsX = MemoryMarshal.Cast<float, Vector<float>>(sample[..weights.Length]);
            var rates = new Vector<float>(rate);
            for (var v = 0; v < vectorsW.Length; v++)
            {
                vectorsW[v] += rates * (vectorsX[v] - vectorsW[v]);
            }

            i = vectorsW.Length * Vector<float>.Count;
        }

        for (; i < weights.Length; i++)
        {
            weights[i] += rate * (sample[i] - weights[i]);
        }
    }
}

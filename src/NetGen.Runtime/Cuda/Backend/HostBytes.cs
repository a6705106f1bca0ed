using System;

namespace NetGen.Cuda;

/// <summary>
/// Byte counts of host and device copies, computed in 64 bits. A batch's element count fits an <see cref="int"/>
/// (spans are indexed by int) but its byte count need not: 4,096 images of 3 × 224 × 224 floats are 616,562,688
/// floats and 2,466,250,752 bytes, which <c>count * sizeof(float)</c> in int arithmetic wraps to a negative number
/// that <c>(nuint)</c> then sign-extends into an enormous size.
/// </summary>
internal static class HostBytes
{
    /// <summary>The bytes of <paramref name="count"/> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static nuint OfFloats(long count) => Of(count, sizeof(float));

    /// <summary>The bytes of <paramref name="count"/> elements of <paramref name="elementBytes"/> bytes each.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or element size.</exception>
    /// <exception cref="OverflowException">The product passes 2⁶³ − 1.</exception>
    public static nuint Of(long count, int elementBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(elementBytes);
        return checked((nuint)(count * elementBytes));
    }

    /// <summary>The length of a span of <paramref name="count"/> rows of <paramref name="rowLength"/> elements.</summary>
    /// <exception cref="OverflowException">It passes <see cref="int.MaxValue"/>, which no span holds.</exception>
    public static int SpanLength(int count, int rowLength) => checked((int)((long)count * rowLength));
}
